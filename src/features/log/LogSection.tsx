// Placeholder until this section lands (being built in this session).
export function LogSection() {
  return <h1>Log</h1>;
}
