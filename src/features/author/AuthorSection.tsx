// Placeholder until this section lands (being built in this session).
export function AuthorSection() {
  return <h1>Author</h1>;
}
