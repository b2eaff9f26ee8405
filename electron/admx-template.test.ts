/** The ADMX template and its en-US ADML are well-formed and describe the same policies (docs/security.md). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECRET_STORE_CHOICES } from '../main/machine-policy/admin-policy.ts';

/** One element of a parsed XML document (enough for ADMX/ADML: no CDATA, no entities beyond the basics). */
interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
}

// A strict little well-formedness checker: every tag closes in order, attributes are quoted, one root.
function parseXml(text: string): XmlElement {
  const token = /<\?xml[^>]*\?>|<!--[\s\S]*?-->|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*"[^"<]*")*)\s*(\/?)>/g;
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let last = 0;
  for (let match = token.exec(text); match; match = token.exec(text)) {
    const between = text.slice(last, match.index);
    if (/[<>]/.test(between) || /&(?!(amp|lt|gt|quot|apos|#\d+);)/.test(between)) {
      throw new Error(`Malformed text near offset ${last}: ${between.slice(0, 40)}`);
    }
    last = token.lastIndex;
    const [, closing, name, rawAttrs, selfClosing] = match;
    if (name === undefined) {
      continue;
    }
    const top = stack.at(-1)!;
    if (closing) {
      if (top.name !== name) {
        throw new Error(`</${name}> closes <${top.name}>`);
      }
      stack.pop();
      continue;
    }
    const attrs = Object.fromEntries([...(rawAttrs ?? '').matchAll(/([\w.:-]+)\s*=\s*"([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    const element: XmlElement = { name, attrs, children: [] };
    top.children.push(element);
    if (!selfClosing) {
      stack.push(element);
    }
  }
  if (stack.length !== 1 || root.children.length !== 1 || text.slice(last).trim() !== '') {
    throw new Error('Unclosed elements or more than one root.');
  }
  return root.children[0]!;
}

function all(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...all(child, name)]);
}

const policyDir = join(import.meta.dirname, '..', 'build', 'policy');
const admx = parseXml(readFileSync(join(policyDir, 'Casebridge.admx'), 'utf8'));
const adml = parseXml(readFileSync(join(policyDir, 'en-US', 'Casebridge.adml'), 'utf8'));
const policies = all(admx, 'policy');
const strings = new Set(all(adml, 'string').map((s) => s.attrs.id));
const presentations = new Map(all(adml, 'presentation').map((p) => [p.attrs.id, p]));

describe('the Group Policy template', () => {
  it('parses the checker: a mismatched tag is rejected', () => {
    expect(() => parseXml('<a><b></a></b>')).toThrow(/closes/);
    expect(() => parseXml('<a x=1></a>')).toThrow();
  });

  it('is well-formed and has the ADMX and ADML roots', () => {
    expect(admx.name).toBe('policyDefinitions');
    expect(adml.name).toBe('policyDefinitionResources');
  });

  it('defines exactly the machine-wide settings of docs/security.md, under HKLM\\SOFTWARE\\Policies\\Casebridge', () => {
    expect(policies.map((p) => p.attrs.name).sort()).toEqual(
      ['ContentProtection', 'ExportsAllowed', 'IdleLockMinutes', 'OfflineAllowed', 'OfflineLeaseHours', 'SecretStore', 'ServerUrl'],
    );
    for (const policy of policies) {
      expect(policy.attrs.class).toBe('Machine');
      expect(policy.attrs.key).toBe('SOFTWARE\\Policies\\Casebridge');
    }
  });

  it('stores each setting under a registry value of the same name and the expected type', () => {
    const valueOf = (name: string) => policies.find((p) => p.attrs.name === name)!;
    expect(all(valueOf('ServerUrl'), 'text').map((e) => e.attrs.valueName)).toEqual(['ServerUrl']);
    expect(all(valueOf('IdleLockMinutes'), 'decimal').map((e) => e.attrs.valueName)).toEqual(['IdleLockMinutes']);
    expect(all(valueOf('OfflineLeaseHours'), 'decimal').map((e) => e.attrs.valueName)).toEqual(['OfflineLeaseHours']);
    for (const flag of ['OfflineAllowed', 'ContentProtection', 'ExportsAllowed']) {
      expect(valueOf(flag).attrs.valueName).toBe(flag);
      expect(all(valueOf(flag), 'enabledValue')).toHaveLength(1);
      expect(all(valueOf(flag), 'disabledValue')).toHaveLength(1);
    }
    expect(all(valueOf('SecretStore'), 'enum').map((e) => e.attrs.valueName)).toEqual(['SecretStore']);
  });

  it('offers exactly the secret stores the policy schema accepts, as REG_SZ strings', () => {
    const items = all(policies.find((p) => p.attrs.name === 'SecretStore')!, 'item');
    expect(items.map((item) => all(item, 'string').length)).toEqual(SECRET_STORE_CHOICES.map(() => 1));
    // The checker keeps no text content, so the values are read from the raw template.
    const offered = [...readFileSync(join(policyDir, 'Casebridge.admx'), 'utf8').matchAll(/<string>(\w+)<\/string>/g)].map((m) => m[1]);
    expect(offered).toEqual([...SECRET_STORE_CHOICES]);
  });

  it('finds every string the ADMX refers to in the ADML', () => {
    const referenced = [...readFileSync(join(policyDir, 'Casebridge.admx'), 'utf8').matchAll(/\$\(string\.([\w]+)\)/g)].map((m) => m[1]);
    expect(referenced.length).toBeGreaterThan(0);
    expect(referenced.filter((id) => !strings.has(id))).toEqual([]);
  });

  it('has a presentation for every policy with elements, bound to those elements', () => {
    for (const policy of policies.filter((p) => p.attrs.presentation !== undefined)) {
      const id = /^\$\(presentation\.(\w+)\)$/.exec(policy.attrs.presentation!)?.[1];
      const presentation = presentations.get(id);
      expect(presentation, `presentation for ${policy.attrs.name}`).toBeDefined();
      const elementIds = all(policy, 'elements').flatMap((e) => e.children.map((c) => c.attrs.id));
      const refIds = presentation!.children.map((c) => c.attrs.refId);
      expect(refIds).toEqual(elementIds);
    }
  });
});
