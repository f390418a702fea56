// The rules catalog: built in from the article, replaceable by a unit's 记分规则 sheet.
import type { Rule } from './workbook-types.js';
import { normalize } from './text.js';

type RuleSeed = Omit<
  Rule,
  'source' | 'reward' | 'yearly' | 'warningList' | 'oneTimeFull' | 'needsVerification'
> &
  Partial<Pick<Rule, 'reward' | 'yearly' | 'warningList' | 'oneTimeFull' | 'needsVerification'>>;

const PL = '严肃党内政治生活';
const PA = '政治意识和规矩意识';
const WF = '机关作风建设';
const MR = '勤政为民、社会公德';
const W1_NORM = '工作纪律、作风建设规定';
const M1_NORM = '被服务对象或群众举报投诉经查属实';

const SEEDS: RuleSeed[] = [
  { code: 'P1', category: PL, norm: '三会一课', variant: '无故缺席', points: 6 },
  { code: 'P1', category: PL, norm: '三会一课', variant: '请假', points: 2 },
  { code: 'P2', category: PL, norm: '党员固定活动日', variant: '无故缺席', points: 3 },
  { code: 'P2', category: PL, norm: '党员固定活动日', variant: '请假', points: 1 },
  {
    code: 'R1',
    category: PA,
    norm: '不服从、不执行党组织集体决议决定',
    variant: null,
    points: 12,
    oneTimeFull: true,
    needsVerification: true,
  },
  {
    code: 'R2',
    category: PA,
    norm: '妄议大政方针、听信传播政治谣言、公开发表与组织决定相悖的言论',
    variant: null,
    points: 12,
    oneTimeFull: true,
    needsVerification: true,
  },
  {
    code: 'R3',
    category: PA,
    norm: '参与违规上访',
    variant: null,
    points: 12,
    oneTimeFull: true,
    needsVerification: true,
  },
  {
    code: 'S1',
    category: '亮明身份、服务群众',
    norm: '年度"微心愿"认领兑现',
    variant: '少完成1个',
    points: 3,
    yearly: true,
  },
  {
    code: 'W1',
    category: WF,
    norm: W1_NORM,
    variant: '廉政约谈',
    points: 3,
    needsVerification: true,
  },
  { code: 'W1', category: WF, norm: W1_NORM, variant: '通报', points: 6, needsVerification: true },
  {
    code: 'W1',
    category: WF,
    norm: W1_NORM,
    variant: '诫勉谈话',
    points: 9,
    needsVerification: true,
    warningList: true,
  },
  {
    code: 'M1',
    category: MR,
    norm: M1_NORM,
    variant: '廉政约谈',
    points: 3,
    needsVerification: true,
  },
  { code: 'M1', category: MR, norm: M1_NORM, variant: '通报', points: 6, needsVerification: true },
  {
    code: 'M1',
    category: MR,
    norm: M1_NORM,
    variant: '诫勉谈话',
    points: 9,
    needsVerification: true,
    warningList: true,
  },
  {
    code: 'J1',
    category: '奖励',
    norm: '志愿服务',
    variant: null,
    points: 2,
    reward: true,
    needsVerification: true,
  },
  {
    code: 'J2',
    category: '奖励',
    norm: '招商引资、企业服务、重点工程建设表现突出',
    variant: null,
    points: null,
    reward: true,
    needsVerification: true,
  },
];

export const BUILTIN_RULES: readonly Rule[] = SEEDS.map((s) => ({
  reward: false,
  yearly: false,
  warningList: false,
  oneTimeFull: false,
  needsVerification: false,
  ...s,
  source: null,
}));

/** The yearly micro-wish rule of a catalog (S1 in the built-in one), if any. */
export function wishRule(rules: readonly Rule[]): Rule | null {
  return rules.find((r) => r.yearly) ?? null;
}

export type RuleMatch =
  | { ok: true; rule: Rule }
  | {
      ok: false;
      reason: 'unknown-rule' | 'unknown-variant' | 'missing-variant' | 'ambiguous-variant';
      variants: string[];
    };

/** Finds rules by code or norm text, and a rule's variant by exact or unique partial text. */
export class RuleIndex {
  private readonly byKey = new Map<string, Rule[]>();
  private readonly norms: { norm: string; rules: Rule[] }[] = [];
  private readonly cache = new Map<string, Map<string, RuleMatch>>();

  constructor(readonly rules: readonly Rule[]) {
    for (const rule of rules) {
      for (const key of [normalize(rule.code), normalize(rule.norm)]) {
        const list = this.byKey.get(key) ?? [];
        if (!list.includes(rule)) list.push(rule);
        this.byKey.set(key, list);
      }
    }
    for (const rule of rules) {
      const norm = normalize(rule.norm);
      const group = this.norms.find((n) => n.norm === norm);
      if (group) group.rules.push(rule);
      else this.norms.push({ norm, rules: [rule] });
    }
  }

  /** The rule group a 事项 names: code, norm text, or a unique part of a norm. */
  group(item: string): Rule[] | null {
    const key = normalize(item);
    if (!key) return null;
    const exact = this.byKey.get(key);
    if (exact) return exact;
    const partial = this.norms.filter(
      (n) => n.norm.includes(key) || (key.length >= 4 && key.includes(n.norm)),
    );
    return partial.length === 1 ? partial[0].rules : null;
  }

  match(item: string, variant: string): RuleMatch {
    let byVariant = this.cache.get(item);
    if (!byVariant) this.cache.set(item, (byVariant = new Map()));
    let out = byVariant.get(variant);
    if (!out) byVariant.set(variant, (out = this.resolve(item, variant)));
    return out;
  }

  private resolve(item: string, variantText: string): RuleMatch {
    const group = this.group(item);
    if (!group) return { ok: false, reason: 'unknown-rule', variants: [] };
    const variants = group.map((r) => r.variant).filter((v): v is string => v !== null);
    if (variants.length === 0) return { ok: true, rule: group[0] };
    const v = normalize(variantText).replace(/^[-—–/无]$/, '');
    if (!v) return { ok: false, reason: 'missing-variant', variants };
    const exact = group.find((r) => r.variant !== null && normalize(r.variant) === v);
    if (exact) return { ok: true, rule: exact };
    const partial = group.filter(
      (r) =>
        r.variant !== null &&
        (normalize(r.variant).includes(v) || v.includes(normalize(r.variant))),
    );
    if (partial.length === 1) return { ok: true, rule: partial[0] };
    return {
      ok: false,
      reason: partial.length > 1 ? 'ambiguous-variant' : 'unknown-variant',
      variants,
    };
  }
}
