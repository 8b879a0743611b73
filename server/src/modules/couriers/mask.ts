/**
 * A person's name for pages anyone with the link can open (e-receipt): the given name in full,
 * the other words reduced to their initial — "Nguyễn Văn An" → "N. V. An".
 */
export function maskPersonName(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  if (words.length <= 1) return words[0] ?? '';
  const given = words[words.length - 1]!;
  return [...words.slice(0, -1).map((w) => `${w[0]!.toUpperCase()}.`), given].join(' ');
}
