/**
 * Seniority from a job title, shared by the score's title rule and the asset recommender's persona match.
 * Keywords match whole words, case-insensitively; the first tier in list order that matches wins, so
 * "Vice President" is checked before the C-level "president" and "Managing Director" before "director".
 */

export interface SeniorityTier {
  id: string;
  label: string;
  keywords: string[];
  points: number;
}

export const DEFAULT_SENIORITY_TIERS: SeniorityTier[] = [
  { id: 'vp', label: 'VP', keywords: ['vp', 'svp', 'evp', 'avp', 'vice president'], points: 16 },
  {
    id: 'c_level',
    label: 'C-level',
    keywords: [
      'ceo',
      'cto',
      'cfo',
      'coo',
      'cmo',
      'cio',
      'cro',
      'ciso',
      'cpo',
      'chief',
      'founder',
      'co-founder',
      'cofounder',
      'owner',
      'president',
      'managing director',
      'partner',
    ],
    points: 20,
  },
  { id: 'director', label: 'Director', keywords: ['director', 'head of', 'head'], points: 12 },
  { id: 'manager', label: 'Manager', keywords: ['manager', 'team lead', 'lead', 'supervisor'], points: 7 },
  { id: 'junior', label: 'Junior', keywords: ['intern', 'student', 'trainee', 'apprentice'], points: -5 },
  {
    id: 'individual',
    label: 'Individual contributor',
    keywords: [
      'engineer',
      'developer',
      'analyst',
      'specialist',
      'consultant',
      'architect',
      'administrator',
      'coordinator',
      'representative',
      'associate',
      'scientist',
      'designer',
    ],
    points: 3,
  },
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A case-insensitive whole-word matcher for any of the keywords ("cto" does not match "director"). */
export function keywordMatcher(keywords: readonly string[]): RegExp {
  const alternatives = keywords
    .map((k) => k.trim())
    .filter((k) => k.length > 0)
    .sort((a, b) => b.length - a.length)
    .map((k) => escapeRegExp(k).replace(/\s+/g, '\\s+'));
  if (alternatives.length === 0) return /(?!)/;
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${alternatives.join('|')})(?=$|[^\\p{L}\\p{N}])`, 'iu');
}

const tierMatchers = new WeakMap<readonly SeniorityTier[], Array<{ tier: SeniorityTier; re: RegExp }>>();

/** The first tier whose keywords appear in the title, or undefined. */
export function seniorityOf(
  title: string | undefined,
  tiers: readonly SeniorityTier[] = DEFAULT_SENIORITY_TIERS,
): SeniorityTier | undefined {
  if (!title) return undefined;
  let matchers = tierMatchers.get(tiers);
  if (!matchers) {
    matchers = tiers.map((tier) => ({ tier, re: keywordMatcher(tier.keywords) }));
    tierMatchers.set(tiers, matchers);
  }
  for (const { tier, re } of matchers) if (re.test(title)) return tier;
  return undefined;
}

/** Persona names used to tag assets, with the spellings accepted for each. */
export const PERSONA_ALIASES: Record<string, readonly string[]> = {
  'C-level': ['c-level', 'c level', 'c-suite', 'c suite', 'cxo', 'executive', 'executives', 'founder'],
  VP: ['vp', 'vice president', 'svp', 'evp'],
  Director: ['director', 'directors', 'head', 'head of'],
  Manager: ['manager', 'managers', 'team lead'],
  'Individual contributor': [
    'individual contributor',
    'ic',
    'practitioner',
    'practitioners',
    'end user',
    'user',
  ],
  Junior: ['junior', 'intern', 'student'],
};

const aliasIndex = new Map<string, string>();
for (const [persona, aliases] of Object.entries(PERSONA_ALIASES)) {
  aliasIndex.set(persona.toLowerCase(), persona);
  for (const alias of aliases) aliasIndex.set(alias, persona);
}

/** The canonical persona for an asset's persona tag ("VP", "vice president" → "VP"), or undefined. */
export function canonicalPersona(tag: string): string | undefined {
  return aliasIndex.get(tag.trim().toLowerCase().replace(/\s+/g, ' '));
}

/** The persona of a lead from its title: "C-level", "VP", "Director", "Manager", "Individual contributor", "Junior". */
export function personaFromTitle(title: string | undefined): string | undefined {
  return seniorityOf(title)?.label;
}
