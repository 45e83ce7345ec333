// Parses, validates and renders MicroMove's Adaptive Cards with the official JavaScript renderer
// (adaptivecards 3.0.6) inside jsdom. Input on stdin: {"name": card, ...}. Output on stdout:
// {"name": ["problem", ...], ...}; an empty list means the renderer accepted the card as written.
// Run by Bot.Tests (AdaptiveCardsRendererTests); see README.md for the install step.
import { createRequire } from "node:module";
import { JSDOM } from "jsdom";

// The library logs notes (e.g. that no Markdown processor is set) with console.log; stdout is the report.
console.log = (...args) => console.error(...args);

const dom = new JSDOM("<!doctype html><html><body></body></html>", { pretendToBeVisual: true });

// The renderer expects a browser: expose every window global (document, HTMLElement, HTMLButtonElement, …)
// that Node does not already define.
for (const key of Object.getOwnPropertyNames(dom.window)) {
  if (!(key in globalThis)) {
    try {
      globalThis[key] = dom.window[key];
    } catch {
      // A few window accessors throw outside a real browser; the renderer does not use them.
    }
  }
}

// lib/ is ES modules without file extensions, which Node cannot import; dist/ is the UMD bundle.
const require = createRequire(import.meta.url);
const AC = require("adaptivecards/dist/adaptivecards.js");

function eventName(event) {
  return AC.ValidationEvent?.[event] ?? String(event);
}

function check(json) {
  const problems = [];
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  try {
    card.parse(json, context);
  } catch (error) {
    return [`parse threw: ${error.message}`];
  }

  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    problems.push(`parse ${eventName(e.event)}: ${e.message}`);
  }

  const results = card.validateProperties();
  for (const e of results.validationEvents) {
    problems.push(`validate ${eventName(e.event)}: ${e.message}`);
  }

  try {
    const element = card.render();
    if (!element) {
      problems.push("render returned nothing");
    } else {
      dom.window.document.body.appendChild(element);
    }
  } catch (error) {
    problems.push(`render threw: ${error.message}`);
  }

  return problems;
}

let input = "";
process.stdin.setEncoding("utf8");
for await (const chunk of process.stdin) {
  input += chunk;
}

const cards = JSON.parse(input);
const report = {};
for (const [name, json] of Object.entries(cards)) {
  report[name] = check(json);
}

process.stdout.write(JSON.stringify(report));
