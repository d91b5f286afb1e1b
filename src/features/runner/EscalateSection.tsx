// Placeholder until this section lands (being built in this session).
export function EscalateSection() {
  return <h1>Escalate</h1>;
}
