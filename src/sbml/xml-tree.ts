/**
 * A small ordered XML tree over fast-xml-parser: elements keep document order (event assignments,
 * rules and MathML arguments depend on it), attributes are plain strings, text is trimmed.
 * Browser-safe.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { InputError } from "../errors.js";

export interface XmlElement {
  /** Tag name with any namespace prefix removed ("math", "listOfSpecies"). */
  name: string;
  /** Tag name as written ("comp:listOfSubmodels"). */
  qname: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated text content directly inside this element (trimmed). */
  text: string;
  /** Text segments split at child elements (`<cn type="e-notation">1<sep/>3</cn>` → ["1", "3"]). */
  textParts: string[];
}

type RawNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  commentPropName: false as unknown as string,
});

/** Parses XML text into an ordered element tree; the document's root element is returned. */
export function parseXmlTree(xmlText: string, where = "SBML document"): XmlElement {
  const valid = XMLValidator.validate(xmlText);
  if (valid !== true) {
    throw new InputError("xml", valid.err.msg, "well-formed XML", `${where}, line ${valid.err.line}`);
  }
  const raw = parser.parse(xmlText) as RawNode[];
  const roots = raw.map(convert).filter((e): e is XmlElement => e !== undefined && !e.name.startsWith("?"));
  if (roots.length !== 1) throw new InputError("xml", roots.length, "exactly one root element", where);
  return roots[0] as XmlElement;
}

function convert(node: RawNode): XmlElement | undefined {
  const keys = Object.keys(node).filter((k) => k !== ":@");
  const qname = keys[0];
  if (qname === undefined || qname === "#text" || qname === "#comment") return undefined;
  const attrsRaw = (node[":@"] ?? {}) as Record<string, unknown>;
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrsRaw)) attrs[k] = String(v);
  const kids = (node[qname] ?? []) as RawNode[];
  const children: XmlElement[] = [];
  let text = "";
  const textParts: string[] = [""];
  for (const kid of kids) {
    if ("#text" in kid) {
      text += String(kid["#text"]);
      textParts[textParts.length - 1] += String(kid["#text"]);
    } else {
      const el = convert(kid);
      if (el) {
        children.push(el);
        textParts.push("");
      }
    }
  }
  const colon = qname.indexOf(":");
  return {
    name: colon >= 0 ? qname.slice(colon + 1) : qname,
    qname,
    attrs,
    children,
    text: text.trim(),
    textParts: textParts.map((p) => p.trim()),
  };
}

/** First child element with this local name. */
export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

/** Children of `<listName>` (e.g. listOfSpecies) with the given local name, in document order. */
export function listItems(el: XmlElement, listName: string, itemName: string): XmlElement[] {
  const list = child(el, listName);
  return list ? list.children.filter((c) => c.name === itemName) : [];
}
