/**
 * Text → expression tree. The grammar, loosest binding first:
 *
 *   or / xor / ||   (n-ary chains)       and / &&   (n-ary chains)      not / !  (prefix)
 *   < <= > >= == !=  (left-associative)   + -        * /                unary -
 *   ^  (right-associative; binds tighter than unary minus on its left: -x^2 = -(x^2), 2^-3 allowed)
 *   atoms: numbers (1, 2.5, .5, 1e-3), names ([A-Za-z_][A-Za-z0-9_]*), f(args), (expr),
 *          piecewise(value1, cond1, value2, cond2, ..., otherwise?)
 *
 * A minus sign directly before a number literal (not followed by ^) makes a negative number (-2 → num -2).
 * Errors are ExprSyntaxError (an InputError) naming the text, the column where parsing stopped
 * (1-based) and what was expected.
 */
import { InputError } from "../../errors.js";
import type { Expr } from "./ast.js";

export class ExprSyntaxError extends InputError {
  override name = "ExprSyntaxError";
  constructor(
    readonly text: string,
    /** 1-based column where parsing stopped. */
    readonly column: number,
    expected: string,
    found: string,
    field = "expression",
  ) {
    super(field, text, `${expected} at column ${column}`, `found ${found}`);
  }
}

type TokenKind = "num" | "name" | "op" | "end";
interface Token {
  kind: TokenKind;
  text: string;
  value: number;
  /** 0-based offset in the text. */
  pos: number;
}

const OPERATORS = ["<=", ">=", "==", "!=", "&&", "||", "+", "-", "*", "/", "^", "(", ")", ",", "<", ">", "!"];

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
      continue;
    }
    const num = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (num) {
      tokens.push({ kind: "num", text: num[0], value: Number(num[0]), pos: i });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (name) {
      tokens.push({ kind: "name", text: name[0], value: Number.NaN, pos: i });
      i += name[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (!op)
      throw new ExprSyntaxError(text, i + 1, "a number, a name, an operator or a parenthesis", `"${c}"`);
    tokens.push({ kind: "op", text: op, value: Number.NaN, pos: i });
    i += op.length;
  }
  tokens.push({ kind: "end", text: "", value: Number.NaN, pos: text.length });
  return tokens;
}

const CMP_OPS = new Set(["<", "<=", ">", ">=", "==", "!="]);
const KEYWORDS = new Set(["and", "or", "xor", "not"]);

class Parser {
  private i = 0;
  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  private peek(): Token {
    return this.tokens[this.i];
  }
  private next(): Token {
    return this.tokens[this.i++];
  }
  private isOp(text: string): boolean {
    const t = this.peek();
    return t.kind === "op" && t.text === text;
  }
  private isWord(word: string): boolean {
    const t = this.peek();
    return t.kind === "name" && t.text === word;
  }
  fail(expected: string): never {
    const t = this.peek();
    const found = t.kind === "end" ? "the end of the expression" : `"${t.text}"`;
    throw new ExprSyntaxError(this.text, t.pos + 1, expected, found);
  }
  private expectOp(text: string, expected: string): void {
    if (!this.isOp(text)) this.fail(expected);
    this.i++;
  }

  parseAll(): Expr {
    if (this.peek().kind === "end") this.fail("an expression");
    const e = this.parseOr();
    if (this.peek().kind !== "end") this.fail("an operator or the end of the expression");
    return e;
  }

  private parseOr(): Expr {
    let left = this.parseAnd();
    for (;;) {
      const op = this.isWord("or") || this.isOp("||") ? "or" : this.isWord("xor") ? "xor" : undefined;
      if (!op) return left;
      const args = [left];
      while (
        (op === "or" && (this.isWord("or") || this.isOp("||"))) ||
        (op === "xor" && this.isWord("xor"))
      ) {
        this.i++;
        args.push(this.parseAnd());
      }
      left = { kind: "logic", op, args };
    }
  }

  private parseAnd(): Expr {
    const first = this.parseNot();
    if (!(this.isWord("and") || this.isOp("&&"))) return first;
    const args = [first];
    while (this.isWord("and") || this.isOp("&&")) {
      this.i++;
      args.push(this.parseNot());
    }
    return { kind: "logic", op: "and", args };
  }

  private parseNot(): Expr {
    if (this.isWord("not") || this.isOp("!")) {
      this.i++;
      return { kind: "logic", op: "not", args: [this.parseNot()] };
    }
    return this.parseCmp();
  }

  private parseCmp(): Expr {
    let left = this.parseAdd();
    for (;;) {
      const t = this.peek();
      if (t.kind !== "op" || !CMP_OPS.has(t.text)) return left;
      this.i++;
      const op = t.text as "<" | "<=" | ">" | ">=" | "==" | "!=";
      left = { kind: "cmp", op, left, right: this.parseAdd() };
    }
  }

  private parseAdd(): Expr {
    let left = this.parseMul();
    while (this.isOp("+") || this.isOp("-")) {
      const op = this.next().text as "+" | "-";
      left = { kind: "bin", op, left, right: this.parseMul() };
    }
    return left;
  }

  private parseMul(): Expr {
    let left = this.parseUnary();
    while (this.isOp("*") || this.isOp("/")) {
      const op = this.next().text as "*" | "/";
      left = { kind: "bin", op, left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): Expr {
    if (this.isOp("-")) {
      this.i++;
      // "-2" is the number -2; "-2^2" is -(2^2); "-(2)" stays a negation
      const lit = this.peek();
      const after = this.tokens[this.i + 1];
      if (lit.kind === "num" && !(after.kind === "op" && after.text === "^")) {
        this.i++;
        return { kind: "num", value: -lit.value };
      }
      return { kind: "neg", arg: this.parseUnary() };
    }
    if (this.isOp("+")) {
      this.i++;
      return this.parseUnary();
    }
    return this.parsePow();
  }

  private parsePow(): Expr {
    const base = this.parseAtom();
    if (!this.isOp("^")) return base;
    this.i++;
    // right-associative; the exponent may carry its own unary minus
    return { kind: "bin", op: "^", left: base, right: this.parseUnary() };
  }

  private parseAtom(): Expr {
    const t = this.peek();
    if (t.kind === "num") {
      this.i++;
      return { kind: "num", value: t.value };
    }
    if (t.kind === "name") {
      if (KEYWORDS.has(t.text)) this.fail("an operand (number, name, '(' or '-')");
      this.i++;
      if (!this.isOp("(")) return { kind: "sym", name: t.text };
      this.i++;
      const args: Expr[] = [];
      if (!this.isOp(")")) {
        args.push(this.parseOr());
        while (this.isOp(",")) {
          this.i++;
          args.push(this.parseOr());
        }
      }
      this.expectOp(")", `"," or ")" closing the arguments of ${t.text}(`);
      if (t.text === "piecewise") {
        if (args.length === 0) {
          throw new ExprSyntaxError(
            this.text,
            t.pos + 1,
            "piecewise(value1, condition1, ..., otherwise) with at least one value",
            "piecewise()",
          );
        }
        return piecewiseFromArgs(args);
      }
      return { kind: "call", fn: t.text, args };
    }
    if (t.kind === "op" && t.text === "(") {
      this.i++;
      const e = this.parseOr();
      this.expectOp(")", `")" closing the parenthesis opened at column ${t.pos + 1}`);
      return e;
    }
    this.fail("an operand (number, name, '(' or '-')");
  }
}

/** piecewise(v1, c1, v2, c2, ..., otherwise?) as a node. */
export function piecewiseFromArgs(args: Expr[]): Expr {
  const pieces: { value: Expr; cond: Expr }[] = [];
  let k = 0;
  for (; k + 1 < args.length; k += 2) pieces.push({ value: args[k], cond: args[k + 1] });
  const otherwise = k < args.length ? args[k] : undefined;
  if (pieces.length === 0 && otherwise) return otherwise;
  return otherwise ? { kind: "piecewise", pieces, otherwise } : { kind: "piecewise", pieces };
}

/** Parse an expression written as text. Throws ExprSyntaxError (an InputError) on bad syntax. */
export function parseExpr(text: string): Expr {
  return new Parser(text, tokenize(text)).parseAll();
}
