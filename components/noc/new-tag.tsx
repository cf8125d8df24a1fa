export function NewTag() {
  return <span className="noc-new">New</span>;
}
