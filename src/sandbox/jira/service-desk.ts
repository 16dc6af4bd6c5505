/**
 * The service project's catalogue, in the JSON shapes Jira Cloud returns for its fields: request types
 * (`customfield_10010`, JSM's "Customer Request Type"), customer organizations (`customfield_10002`), the Team
 * single-select (`customfield_10050`) and components.
 */

const SITE = 'https://sandbox.atlassian.net';

/** A JSM request type of the "IT Help" portal. */
export interface RequestType {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** The issue type requests of this type are created as. */
  readonly issueType: { readonly id: string; readonly name: string };
}

const SERVICE_REQUEST = { id: '10004', name: 'Service Request' } as const;
const INCIDENT = { id: '10005', name: 'Incident' } as const;

/** The portal's request types, as JSM's IT service management template names them. */
export const REQUEST_TYPES: readonly RequestType[] = [
  {
    id: '10',
    name: 'Report a system problem',
    description: 'Having trouble with a system?',
    issueType: INCIDENT,
  },
  {
    id: '11',
    name: 'Get IT help',
    description: 'Get assistance for general IT problems.',
    issueType: SERVICE_REQUEST,
  },
  {
    id: '12',
    name: 'Fix an account problem',
    description: 'Locked out, or a password that no longer works?',
    issueType: SERVICE_REQUEST,
  },
  {
    id: '13',
    name: 'Request new hardware',
    description: 'A laptop, a monitor, a headset, a phone.',
    issueType: SERVICE_REQUEST,
  },
  {
    id: '14',
    name: 'Report a network outage',
    description: 'A site, a line or the VPN is down.',
    issueType: INCIDENT,
  },
];

/** The values of the Team single-select: who holds the request now. */
export const TEAMS = ['First Level', 'Second Level', 'NetCo'] as const;
export type Team = (typeof TEAMS)[number];

/** The project's components; the NetCo UC covers requests with `Network`. */
export const COMPONENTS = ['Network', 'VPN', 'Email', 'Accounts', 'Hardware'] as const;
export type Component = (typeof COMPONENTS)[number];

/** Jira's default priorities, most urgent first. */
export const PRIORITY_NAMES = ['Highest', 'High', 'Medium', 'Low', 'Lowest'] as const;
export type PriorityName = (typeof PRIORITY_NAMES)[number];

/** The request type by id or name (names compared case-insensitively, as people type them). */
export function findRequestType(idOrName: string): RequestType | undefined {
  const lower = idOrName.toLowerCase();
  return REQUEST_TYPES.find((t) => t.id === idOrName || t.name.toLowerCase() === lower);
}

/**
 * `customfield_10010` as `GET /rest/api/3/issue` returns it for a JSM request: links and the request type.
 * ATTENTION: Jira also returns `currentStatus` (the customer-facing status); it is left out rather than kept in
 * step with every transition, since nothing Accord reads depends on it.
 */
export function requestTypeField(
  issue: { readonly id: string; readonly key: string },
  type: RequestType,
): Record<string, unknown> {
  return {
    _links: {
      jiraRest: `${SITE}/rest/api/2/issue/${issue.id}`,
      web: `${SITE}/servicedesk/customer/portal/1/${issue.key}`,
      agent: `${SITE}/browse/${issue.key}`,
      self: `${SITE}/rest/servicedeskapi/request/${issue.id}`,
    },
    requestType: {
      _links: { self: `${SITE}/rest/servicedeskapi/servicedesk/1/requesttype/${type.id}` },
      id: type.id,
      name: type.name,
      description: type.description,
      helpText: '',
      issueTypeId: type.issueType.id,
      serviceDeskId: '1',
      portalId: '1',
      groupIds: ['1'],
    },
  };
}

/** `customfield_10002` (Organizations) as Jira returns it: `[{ id, name, _links: { self } }]`. */
export function organizationsField(
  organizations: readonly { readonly id: string; readonly name: string }[],
): Record<string, unknown>[] {
  return organizations.map((o) => ({
    id: o.id,
    name: o.name,
    _links: { self: `${SITE}/rest/servicedeskapi/organization/${o.id}` },
  }));
}

/** `components` as Jira returns them: `[{ self, id, name }]`. */
export function componentsField(names: readonly string[]): Record<string, unknown>[] {
  return names.map((name) => {
    const id = String(10100 + COMPONENTS.indexOf(name as Component));
    return { self: `${SITE}/rest/api/3/component/${id}`, id, name };
  });
}
