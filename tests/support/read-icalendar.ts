/**
 * A small, strict RFC 5545 reader for tests, independent of the generator: CRLF line ends, content lines of at most
 * 75 octets, unfolding, parameters, TEXT unescaping, BEGIN/END nesting and the properties every calendar and event
 * must carry. It throws on the first violation.
 */
export interface ICalProperty {
  name: string;
  params: Record<string, string>;
  /** raw value (TEXT not yet unescaped) */
  value: string;
}

export interface ICalComponent {
  name: string;
  properties: ICalProperty[];
  components: ICalComponent[];
}

const DATE_TIME_UTC = /^\d{8}T\d{6}Z$/;
const DATE_TIME = /^\d{8}T\d{6}Z?$/;
const TEXT_PROPERTIES = new Set(["SUMMARY", "DESCRIPTION", "LOCATION", "COMMENT", "X-WR-CALNAME", "X-WR-CALDESC", "NAME"]);

export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_match, char: string) => (char === "n" || char === "N" ? "\n" : char));
}

function splitContentLine(line: string): ICalProperty {
  // name *(";" param) ":" value; parameter values may be quoted and then hold ':' or ';'.
  let index = 0;
  const nameMatch = /^[A-Za-z0-9-]+/.exec(line);
  if (!nameMatch) throw new Error(`content line without a name: ${line}`);
  const name = nameMatch[0].toUpperCase();
  index = name.length;
  const params: Record<string, string> = {};
  while (line[index] === ";") {
    const paramMatch = /^;([A-Za-z0-9-]+)=("[^"]*"|[^";:,]*)/.exec(line.slice(index));
    if (!paramMatch?.[1] || paramMatch[2] === undefined) throw new Error(`bad parameter in: ${line}`);
    params[paramMatch[1].toUpperCase()] = paramMatch[2].replace(/^"|"$/g, "");
    index += paramMatch[0].length;
  }
  if (line[index] !== ":") throw new Error(`expected ':' after the name and parameters in: ${line}`);
  return { name, params, value: line.slice(index + 1) };
}

export function readICalendar(text: string): ICalComponent {
  if (!text.endsWith("\r\n")) throw new Error("the calendar must end with CRLF");
  const physical = text.slice(0, -2).split("\r\n");
  for (const line of physical) {
    if (line.includes("\n") || line.includes("\r")) throw new Error(`bare LF or CR in: ${JSON.stringify(line)}`);
    if (Buffer.byteLength(line, "utf8") > 75) throw new Error(`line longer than 75 octets: ${line}`);
  }
  const logical: string[] = [];
  for (const line of physical) {
    if (line.startsWith(" ") || line.startsWith("\t")) {
      if (logical.length === 0) throw new Error("a continuation line cannot come first");
      logical[logical.length - 1] += line.slice(1);
    } else {
      logical.push(line);
    }
  }
  const stack: ICalComponent[] = [];
  let root: ICalComponent | null = null;
  for (const line of logical) {
    const property = splitContentLine(line);
    if (property.name === "BEGIN") {
      const component: ICalComponent = { name: property.value.toUpperCase(), properties: [], components: [] };
      if (stack.length === 0) {
        if (root !== null) throw new Error("more than one top-level component");
        root = component;
      } else {
        stack[stack.length - 1]?.components.push(component);
      }
      stack.push(component);
    } else if (property.name === "END") {
      const open = stack.pop();
      if (open?.name !== property.value.toUpperCase()) throw new Error(`END:${property.value} does not close ${open?.name ?? "anything"}`);
    } else {
      const current = stack[stack.length - 1];
      if (!current) throw new Error(`property outside any component: ${line}`);
      current.properties.push(property);
    }
  }
  if (stack.length > 0 || root === null) throw new Error("unclosed component");
  checkCalendar(root);
  return root;
}

function one(component: ICalComponent, name: string): ICalProperty {
  const found = component.properties.filter((property) => property.name === name);
  if (found.length !== 1) throw new Error(`${component.name} must have exactly one ${name} (has ${found.length})`);
  return found[0] as ICalProperty;
}

function checkCalendar(calendar: ICalComponent): void {
  if (calendar.name !== "VCALENDAR") throw new Error("the top-level component must be VCALENDAR");
  if (one(calendar, "VERSION").value !== "2.0") throw new Error("VERSION must be 2.0");
  if (one(calendar, "PRODID").value.trim() === "") throw new Error("PRODID must not be empty");
  for (const event of calendar.components.filter((component) => component.name === "VEVENT")) {
    if (one(event, "UID").value.trim() === "") throw new Error("UID must not be empty");
    if (!DATE_TIME_UTC.test(one(event, "DTSTAMP").value)) throw new Error("DTSTAMP must be a UTC date-time");
    if (!DATE_TIME.test(one(event, "DTSTART").value)) throw new Error("DTSTART must be a date-time");
    for (const property of event.properties) {
      if (TEXT_PROPERTIES.has(property.name) && /(^|[^\\])[;,]/.test(property.value.replace(/\\\\/g, ""))) throw new Error(`unescaped ; or , in ${property.name}`);
    }
    for (const alarm of event.components.filter((component) => component.name === "VALARM")) {
      one(alarm, "ACTION");
      one(alarm, "TRIGGER");
    }
  }
}

/** A property's TEXT value, unescaped; null when absent. */
export function readText(component: ICalComponent, name: string): string | null {
  const property = component.properties.find((candidate) => candidate.name === name);
  return property === undefined ? null : unescapeText(property.value);
}

export function listEvents(calendar: ICalComponent): ICalComponent[] {
  return calendar.components.filter((component) => component.name === "VEVENT");
}
