/**
 * The words of the widget live in its catalogue, complete in every locale.
 * The compiler already refuses a locale file missing a key (each is typed as
 * the English area); these tests also catch what types cannot see: a value
 * left in English, a sentence typed straight into a template, and English
 * creeping back into contract/.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MESSAGE_KEYS } from '../../contract/message-keys.ts';
import { SUPPORTED_LOCALES, loadMessages, type Area, type Messages } from '../../widget/i18n/messages.ts';

const AREAS: Area[] = ['common', 'onboarding', 'money', 'validation'];

/** Leaves of a catalogue as `path -> value`, calling functions with sample arguments. */
function leaves(node: unknown, path = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) for (const [p, leaf] of leaves(v, path ? `${path}.${k}` : k)) out.set(p, leaf);
  } else out.set(path, node);
  return out;
}

/** What a message says, functions called with placeholder arguments. */
const said = (value: unknown): string => (typeof value === 'function' ? String((value as (...a: unknown[]) => unknown)('X', 'Y', 'Z')) : String(value));

/**
 * Values that are the same word in every language: proper names, codes and
 * acronyms. Each needs a reason to be here; everything else must differ from
 * English in es and pt-BR.
 */
const SAME_IN_EVERY_LANGUAGE = new Set([
  'Stablecoin', 'IBAN', 'BIC', 'BIC / SWIFT', 'CPF', 'CNPJ', 'USDC', 'USDT', 'EURC', 'ACH', 'SEPA', 'PIX', 'Euro', 'Memo', 'Error',
  'Solana', 'Ethereum', 'Tron', 'Polygon', 'Base', 'Arbitrum', 'Avalanche', 'Optimism', 'Starknet', 'Fogo', 'Status',
]);
/** Keys whose value is a format with no words of its own ("1 USD = 0.99 USDC"). */
const FORMAT_ONLY = new Set(['money.rateValue', 'money.walletSummary', 'money.bankAccountSummary', 'money.pixKeyTypes.cpf', 'money.pixKeyTypes.cnpj',
  'onboarding.taxTypes.cpf', 'onboarding.unknownCriterion', 'money.feePercent']);

describe('message catalogue', () => {
  for (const locale of SUPPORTED_LOCALES.filter((l) => l !== 'en')) {
    it(`has every English key in ${locale}, with the same kind of value (text or function)`, async () => {
      const en = await loadMessages('en', AREAS);
      const other = await loadMessages(locale, AREAS);
      for (const area of AREAS) {
        const a = leaves(en[area]);
        const b = leaves(other[area]);
        assert.deepEqual([...b.keys()].sort(), [...a.keys()].sort(), `${locale} ${area}: keys differ from English`);
        for (const [key, value] of a) assert.equal(typeof b.get(key), typeof value, `${locale} ${area}.${key}`);
      }
    });

    it(`says every ${locale} message in ${locale}, not in English`, async () => {
      const en = await loadMessages('en', AREAS);
      const other = await loadMessages(locale, AREAS);
      const untranslated: string[] = [];
      for (const area of AREAS) {
        const a = leaves(en[area]);
        for (const [key, value] of leaves(other[area])) {
          const path = `${area}.${key}`;
          const english = said(a.get(key));
          if (FORMAT_ONLY.has(path) || SAME_IN_EVERY_LANGUAGE.has(english)) continue;
          if (said(value) === english) untranslated.push(`${path}: ${english}`);
        }
      }
      assert.deepEqual(untranslated, [], `${locale} values still in English`);
    });
  }

  it('holds no message nothing says: every English key is named in widget/ or contract/', async () => {
    // Each locale ships every key to every reader of that language, so an unused one is bytes for nobody.
    const code = [...files('widget'), ...files('contract')]
      .filter((f) => !/[\\/]i18n[\\/](en|es|pt-BR)[\\/]/.test(f))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const en = (await loadMessages('en', [...AREAS, 'profile'])) as Messages;
    const unused: string[] = [];
    for (const [area, messages] of Object.entries(en)) {
      for (const key of Object.keys(messages)) if (!new RegExp(`\\.${key}\\b|\\b${key}\\]|'${key}'|"${key}"`).test(code)) unused.push(`${area}.${key}`);
    }
    assert.deepEqual(unused, []);
  });

  it('has a sentence for every message key of contract/ in every locale', async () => {
    for (const locale of SUPPORTED_LOCALES) {
      const { validation } = (await loadMessages(locale, ['validation'])) as Messages;
      for (const key of MESSAGE_KEYS) {
        const text = said((validation as Record<string, unknown>)[key]);
        assert.ok(text && text !== 'undefined' && text !== key, `${locale}: no words for ${key}`);
      }
    }
  });
});

// ---------------------------------------------------------------------------

const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).map((f) => join(dir, f));

/**
 * The static text of every html`` (and static html``) template in `source`,
 * with each `${…}` replaced by U+0000. Expressions may hold nested templates;
 * those are collected too.
 */
export function htmlTemplates(source: string): string[] {
  const out: string[] = [];
  const tag = /(?:\bhtml|\bstaticHtml)\s*`/g;
  let match: RegExpExecArray | null;
  while ((match = tag.exec(source))) {
    let i = match.index + match[0].length;
    let text = '';
    while (i < source.length && source[i] !== '`') {
      if (source[i] === '\\') {
        text += source.slice(i, i + 2);
        i += 2;
      } else if (source[i] === '$' && source[i + 1] === '{') {
        // Skip the expression, minding braces, strings and nested templates.
        let depth = 1;
        i += 2;
        while (i < source.length && depth > 0) {
          const c = source[i];
          if (c === '{') depth++;
          else if (c === '}') depth--;
          else if (c === "'" || c === '"') {
            const end = source.indexOf(c, i + 1);
            i = end;
          } else if (c === '`') {
            let j = i + 1;
            let inner = 0;
            while (j < source.length && !(source[j] === '`' && inner === 0)) {
              if (source[j] === '$' && source[j + 1] === '{') inner++, j++;
              else if (source[j] === '}' && inner > 0) inner--;
              j++;
            }
            i = j;
          }
          i++;
        }
        text += '\u0000';
      } else {
        text += source[i];
        i++;
      }
    }
    out.push(text);
  }
  return out;
}

/** Words in a template a person would read: text between tags and literal user-facing attributes. */
export function literalWords(template: string): string[] {
  const found: string[] = [];
  const attr = /\s(aria-label|aria-description|title|placeholder|alt|label)\s*=\s*"([^"\u0000]*)"/g;
  for (const m of template.matchAll(attr)) if (/\p{L}{2,}/u.test(m[2]!)) found.push(`${m[1]}="${m[2]}"`);
  const withoutTags = template.replace(/<[^>]*>/g, '\u0000');
  for (const chunk of withoutTags.split('\u0000')) {
    const t = chunk.replace(/&[a-z]+;|&#\d+;/g, ' ').trim();
    if (/\p{L}{2,}/u.test(t)) found.push(t);
  }
  return found;
}

describe('user-facing strings', () => {
  it('finds the words of a template, and nothing in its expressions or markup', () => {
    const source = 'const a = html`<p class="x" aria-label=${m.label}>${m.hello} <b>Hi there</b></p>${x ? html`<i title="Tip">${m.y}</i>` : nothing}`;';
    const words = htmlTemplates(source).flatMap(literalWords);
    assert.deepEqual(words.sort(), ['Hi there', 'title="Tip"']);
  });

  it('are never typed into a widget template: every one comes from the catalogue', () => {
    const offenders: string[] = [];
    for (const file of files('widget')) {
      if (file.includes(`${join('widget', 'i18n')}`)) continue;
      for (const template of htmlTemplates(readFileSync(file, 'utf8'))) {
        for (const words of literalWords(template)) offenders.push(`${file}: ${words}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('are not written in English in contract/: shared schemas carry message keys', () => {
    // Problem details at the HTTP level mirror SpherePay's own ("Validation failed"); they are not shown to people.
    const allowed = new Set(['Validation failed', 'Invalid input']);
    const offenders: string[] = [];
    for (const file of files('contract')) {
      const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '').replace(/\s\/\/ .*$/gm, '');
      for (const m of code.matchAll(/(['`])((?:(?!\1).)*)\1/g)) {
        const literal = m[2]!;
        if (/^[A-Z][a-z]+(?: [a-zA-Z0-9,'"()%.-]+){2,}/.test(literal) && !allowed.has(literal)) offenders.push(`${file}: ${literal}`);
      }
    }
    assert.deepEqual(offenders, []);
  });
});
