// API names derived from what an admin types: "Favourite colour" → favouriteColour. The server
// accepts ^[a-z][a-zA-Z0-9]{0,62}$ and says so on the name input when the result still breaks it.

/** camelCase API name from a label; accents dropped, digits kept, a leading digit prefixed. */
export function apiNameOf(label: string): string {
  const words = label.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = words.map((word, index) => (index === 0 ? word.toLowerCase() : word[0].toUpperCase() + word.slice(1).toLowerCase())).join('');
  return (/^[0-9]/.test(name) ? `f${name}` : name).slice(0, 63);
}

/** A choice value for a select field from its label: "In progress" → in-progress. */
export function choiceValueOf(label: string): string {
  return label.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase().replace(/[^a-z0-9_.]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 100) || 'choice';
}
