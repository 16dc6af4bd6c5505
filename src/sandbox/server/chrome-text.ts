import { escapeHtml } from './html';

/**
 * The words of the sandbox's own Jira chrome (the sandbox bar, Jira's top bar and sidebars, breadcrumbs, the issue
 * page's fields, controls and activity, the outbox, the queue, the dashboard's and portal's own parts) in English,
 * German and Danish, where possible as Jira itself says them. Accord's UIs carry their own translations
 * (`static/<name>/locales`); this is only what the sandbox draws around them. The server writes pages with it, and
 * writes the chosen language's table into each page for the host scripts (host/host-page.ts's `accordHost.say`).
 *
 * A locale in any other language is English throughout, dates included, as Accord's UIs do it
 * (static/shared/backend.ts's `toLocaleTag`). Names stay as they are: Jira, Accord, the project "IT Help", the
 * manifest's module titles ("Accord SLAs", "Our commitments"), the site's statuses and priorities, the languages'
 * own names in the language switcher.
 *
 * Kept free of Node: host/tsconfig.json type-checks the host scripts against these types.
 */

const en = {
  // The sandbox bar.
  'bar.region': 'Sandbox controls',
  'bar.brand': 'Accord sandbox',
  'bar.clock': 'Clock',
  'bar.plus15m': '+15 min',
  'bar.plus1h': '+1 h',
  'bar.plus4h': '+4 h',
  'bar.plus1d': '+1 day',
  'bar.viewAs': 'View as',
  'bar.theme': 'Theme',
  'bar.light': 'Light',
  'bar.dark': 'Dark',
  'bar.language': 'Language',
  'bar.timeZone': 'Time zone',
  // Jira's top bar, the help center's header and the flags.
  'top.navigation': 'Jira navigation',
  'top.yourWork': 'Your work',
  'top.projects': 'Projects',
  'top.dashboards': 'Dashboards',
  'top.apps': 'Apps',
  'top.create': 'Create',
  'top.search': 'Search',
  'top.searchLabel': 'Search (not in the sandbox)',
  'top.settings': 'Settings',
  'top.settingsApps': 'Settings: Apps',
  'top.helpCenter': 'Help Center',
  'flag.dismiss': 'Dismiss',
  // Sidebars.
  'side.serviceProject': 'Service project',
  'side.queues': 'Queues',
  'side.reports': 'Reports',
  'side.customers': 'Customers',
  'side.knowledgeBase': 'Knowledge base',
  'side.projectSettings': 'Project settings',
  'side.sandbox': 'Sandbox',
  'side.outbox': 'Outbox',
  'side.jiraSettings': 'Jira settings',
  'side.apps': 'Apps',
  'side.findApps': 'Find new apps',
  'side.manageApps': 'Manage apps',
  'side.backToProject': '← Back to project',
  'side.details': 'Details',
  'side.people': 'People',
  'side.requestTypes': 'Request types',
  'side.automation': 'Automation',
  'side.customerNotifications': 'Customer notifications',
  // Page titles: the tab's title ends with the sandbox's name.
  'title.page': '{page} · Accord sandbox',
  'title.queues': 'Queues',
  'title.defaultDashboard': 'Default dashboard',
  // Fields, as the issue view, the queue and the portal name them.
  'field.key': 'Key',
  'field.summary': 'Summary',
  'field.status': 'Status',
  'field.resolution': 'Resolution',
  'field.assignee': 'Assignee',
  'field.reporter': 'Reporter',
  'field.requestType': 'Request type',
  'field.priority': 'Priority',
  'field.organizations': 'Organizations',
  'field.organization': 'Organization',
  'field.labels': 'Labels',
  'field.team': 'Team',
  'field.components': 'Components',
  'field.created': 'Created',
  'field.slaState': 'SLA state',
  'field.nextSlaDeadline': 'Next SLA deadline',
  'field.slaStateAccord': 'SLA state (Accord field)',
  'field.nextSlaDeadlineAccord': 'Next SLA deadline (Accord field)',
  'field.nextDeadline': 'Next deadline',
  'value.none': 'None',
  'value.unassigned': 'Unassigned',
  'value.someone': 'Someone',
  // The issue page: the controls, the activity and its entries.
  'issue.controls': 'Act on the issue',
  'issue.actOn': 'Sandbox: act on {key}',
  'issue.transition': 'Transition',
  'issue.transitionTo': 'Transition to',
  'issue.setPriority': 'Set priority',
  'issue.assign': 'Assign',
  'issue.activity': 'Activity',
  'issue.comment': 'Comment',
  'issue.addComment': 'Add a comment…',
  'issue.commentAsCustomer': 'Comment as customer',
  'issue.commentAsAgent': 'Comment as agent',
  'issue.internalNote': 'Internal note',
  'issue.writeFirst': 'Write a comment first.',
  'history.commented': 'commented · {time}',
  'history.madeChanges': 'made changes · {time}',
  'history.changed': 'changed {field} from {from} to {to}',
  'history.app': 'App',
  'history.empty': 'No activity yet.',
  // The outbox.
  'outbox.title': 'Outbox',
  'outbox.intro':
    'What Accord sent through Jira’s notify API. A real site would e-mail these; the sandbox keeps them here.',
  'outbox.empty': 'Accord has sent no notifications yet.',
  'outbox.sent': 'Sent',
  'outbox.issue': 'Issue',
  'outbox.to': 'To',
  'outbox.message': 'Message',
  'outbox.watchers': 'Watchers',
  'outbox.voters': 'Voters',
  'outbox.group': 'Group {name}',
  // The dashboard.
  'dashboard.edit': 'Edit',
  'dashboard.filter': 'Filter results: open requests in {project}',
  'dashboard.noneOpen': 'No open requests.',
  // The customer portal.
  'portal.raised': '{name} raised this on {time}',
  'portal.noComments': 'No comments yet.',
  'portal.addCommentLabel': 'Add a comment',
  'portal.addComment': 'Add comment',
  'portal.sharedWith': 'Shared with',
  'portal.onlyYou': 'Only you',
  // The sandbox's front page, the queue.
  'index.heading': 'Accord sandbox: {project}',
  'index.clock': 'Sandbox clock:',
  'index.counts': 'Issues: {count} · open: {open}.',
  'index.about':
    'Every screen is the real app, framed as Jira frames it; the bar at the top acts as Jira would.',
  'index.screens': 'Accord’s screens',
  'index.issueView': 'Issue view: {key}',
  'index.issueViewWhat': 'agents’ countdowns (any key below)',
  'index.adminPage': 'Admin page',
  'index.adminWhat': 'Jira settings › Apps › Accord, as the site admin',
  'index.reportsWhat': 'Jira settings › Apps › Accord reports',
  'index.settingsWhat': '{project} › Project settings › Accord SLAs',
  'index.dashboard': 'Dashboard',
  'index.dashboardWhat': 'with Accord’s compliance gadget',
  'index.portal': 'Customer portal: {key}',
  'index.portalWhat': 'the request as its reporter sees it',
  'index.api': 'And the JSON API:',
  'index.seeReadme': '(see the README)',
  'index.queue': 'Queue: all requests',
  'index.portalLink': 'portal',
} as const;

/** A key of the sandbox chrome's words. */
export type ChromeKey = keyof typeof en;
/** One language's words: every key, so that a German or Danish table without one does not compile. */
export type ChromeMessages = Readonly<Record<ChromeKey, string>>;

const de: ChromeMessages = {
  'bar.region': 'Sandbox-Steuerung',
  'bar.brand': 'Accord-Sandbox',
  'bar.clock': 'Uhr',
  'bar.plus15m': '+15 Min.',
  'bar.plus1h': '+1 Std.',
  'bar.plus4h': '+4 Std.',
  'bar.plus1d': '+1 Tag',
  'bar.viewAs': 'Ansehen als',
  'bar.theme': 'Farbschema',
  'bar.light': 'Hell',
  'bar.dark': 'Dunkel',
  'bar.language': 'Sprache',
  'bar.timeZone': 'Zeitzone',
  'top.navigation': 'Jira-Navigation',
  'top.yourWork': 'Ihre Arbeit',
  'top.projects': 'Projekte',
  'top.dashboards': 'Dashboards',
  'top.apps': 'Apps',
  'top.create': 'Erstellen',
  'top.search': 'Suchen',
  'top.searchLabel': 'Suchen (nicht in der Sandbox)',
  'top.settings': 'Einstellungen',
  'top.settingsApps': 'Einstellungen: Apps',
  'top.helpCenter': 'Hilfe-Center',
  'flag.dismiss': 'Schließen',
  'side.serviceProject': 'Serviceprojekt',
  'side.queues': 'Warteschlangen',
  'side.reports': 'Berichte',
  'side.customers': 'Kunden',
  'side.knowledgeBase': 'Wissensdatenbank',
  'side.projectSettings': 'Projekteinstellungen',
  'side.sandbox': 'Sandbox',
  'side.outbox': 'Postausgang',
  'side.jiraSettings': 'Jira-Einstellungen',
  'side.apps': 'Apps',
  'side.findApps': 'Neue Apps finden',
  'side.manageApps': 'Apps verwalten',
  'side.backToProject': '← Zurück zum Projekt',
  'side.details': 'Details',
  'side.people': 'Personen',
  'side.requestTypes': 'Anfragetypen',
  'side.automation': 'Automatisierung',
  'side.customerNotifications': 'Kundenbenachrichtigungen',
  'title.page': '{page} · Accord-Sandbox',
  'title.queues': 'Warteschlangen',
  'title.defaultDashboard': 'Standard-Dashboard',
  'field.key': 'Schlüssel',
  'field.summary': 'Zusammenfassung',
  'field.status': 'Status',
  'field.resolution': 'Lösung',
  'field.assignee': 'Zugewiesene Person',
  'field.reporter': 'Autor',
  'field.requestType': 'Anfragetyp',
  'field.priority': 'Priorität',
  'field.organizations': 'Organisationen',
  'field.organization': 'Organisation',
  'field.labels': 'Stichwörter',
  'field.team': 'Team',
  'field.components': 'Komponenten',
  'field.created': 'Erstellt',
  'field.slaState': 'SLA-Status',
  'field.nextSlaDeadline': 'Nächste SLA-Frist',
  'field.slaStateAccord': 'SLA-Status (Accord-Feld)',
  'field.nextSlaDeadlineAccord': 'Nächste SLA-Frist (Accord-Feld)',
  'field.nextDeadline': 'Nächste Frist',
  'value.none': 'Keine',
  'value.unassigned': 'Nicht zugewiesen',
  'value.someone': 'Jemand',
  'issue.controls': 'Mit dem Vorgang arbeiten',
  'issue.actOn': 'Sandbox: {key} bearbeiten',
  'issue.transition': 'Übergang',
  'issue.transitionTo': 'Übergang zu',
  'issue.setPriority': 'Priorität festlegen',
  'issue.assign': 'Zuweisen',
  'issue.activity': 'Aktivität',
  'issue.comment': 'Kommentar',
  'issue.addComment': 'Kommentar hinzufügen …',
  'issue.commentAsCustomer': 'Als Kunde kommentieren',
  'issue.commentAsAgent': 'Als Agent kommentieren',
  'issue.internalNote': 'Interne Notiz',
  'issue.writeFirst': 'Schreiben Sie zuerst einen Kommentar.',
  'history.commented': 'hat kommentiert · {time}',
  'history.madeChanges': 'hat Änderungen vorgenommen · {time}',
  'history.changed': 'hat {field} von {from} in {to} geändert',
  'history.app': 'App',
  'history.empty': 'Noch keine Aktivität.',
  'outbox.title': 'Postausgang',
  'outbox.intro':
    'Was Accord über Jiras Benachrichtigungs-API gesendet hat. Eine echte Site würde diese Nachrichten per E-Mail verschicken; die Sandbox bewahrt sie hier auf.',
  'outbox.empty': 'Accord hat noch keine Benachrichtigungen gesendet.',
  'outbox.sent': 'Gesendet',
  'outbox.issue': 'Vorgang',
  'outbox.to': 'An',
  'outbox.message': 'Nachricht',
  'outbox.watchers': 'Beobachter',
  'outbox.voters': 'Abstimmende',
  'outbox.group': 'Gruppe {name}',
  'dashboard.edit': 'Bearbeiten',
  'dashboard.filter': 'Filterergebnisse: offene Anfragen in {project}',
  'dashboard.noneOpen': 'Keine offenen Anfragen.',
  'portal.raised': '{name} hat diese Anfrage am {time} gestellt',
  'portal.noComments': 'Noch keine Kommentare.',
  'portal.addCommentLabel': 'Kommentar hinzufügen',
  'portal.addComment': 'Kommentieren',
  'portal.sharedWith': 'Geteilt mit',
  'portal.onlyYou': 'Nur Sie',
  'index.heading': 'Accord-Sandbox: {project}',
  'index.clock': 'Sandbox-Uhr:',
  'index.counts': 'Vorgänge: {count} · offen: {open}.',
  'index.about':
    'Jede Ansicht ist die echte App, gerahmt wie in Jira; die Leiste oben handelt, wie Jira es tun würde.',
  'index.screens': 'Die Ansichten von Accord',
  'index.issueView': 'Vorgangsansicht: {key}',
  'index.issueViewWhat': 'die Countdowns der Agents (jeder Schlüssel unten)',
  'index.adminPage': 'Admin-Seite',
  'index.adminWhat': 'Jira-Einstellungen › Apps › Accord, als Site-Admin',
  'index.reportsWhat': 'Jira-Einstellungen › Apps › Accord reports',
  'index.settingsWhat': '{project} › Projekteinstellungen › Accord SLAs',
  'index.dashboard': 'Dashboard',
  'index.dashboardWhat': 'mit dem Compliance-Gadget von Accord',
  'index.portal': 'Kundenportal: {key}',
  'index.portalWhat': 'die Anfrage, wie ihr Autor sie sieht',
  'index.api': 'Und die JSON-API:',
  'index.seeReadme': '(siehe README)',
  'index.queue': 'Warteschlange: alle Anfragen',
  'index.portalLink': 'Portal',
};

const da: ChromeMessages = {
  'bar.region': 'Sandkassens kontroller',
  'bar.brand': 'Accord-sandkasse',
  'bar.clock': 'Ur',
  'bar.plus15m': '+15 min.',
  'bar.plus1h': '+1 t.',
  'bar.plus4h': '+4 t.',
  'bar.plus1d': '+1 dag',
  'bar.viewAs': 'Vis som',
  'bar.theme': 'Tema',
  'bar.light': 'Lyst',
  'bar.dark': 'Mørkt',
  'bar.language': 'Sprog',
  'bar.timeZone': 'Tidszone',
  'top.navigation': 'Jira-navigation',
  'top.yourWork': 'Dit arbejde',
  'top.projects': 'Projekter',
  'top.dashboards': 'Dashboards',
  'top.apps': 'Apps',
  'top.create': 'Opret',
  'top.search': 'Søg',
  'top.searchLabel': 'Søg (ikke i sandkassen)',
  'top.settings': 'Indstillinger',
  'top.settingsApps': 'Indstillinger: Apps',
  'top.helpCenter': 'Hjælpecenter',
  'flag.dismiss': 'Luk',
  'side.serviceProject': 'Serviceprojekt',
  'side.queues': 'Køer',
  'side.reports': 'Rapporter',
  'side.customers': 'Kunder',
  'side.knowledgeBase': 'Vidensbase',
  'side.projectSettings': 'Projektindstillinger',
  'side.sandbox': 'Sandkasse',
  'side.outbox': 'Udbakke',
  'side.jiraSettings': 'Jira-indstillinger',
  'side.apps': 'Apps',
  'side.findApps': 'Find nye apps',
  'side.manageApps': 'Administrer apps',
  'side.backToProject': '← Tilbage til projektet',
  'side.details': 'Detaljer',
  'side.people': 'Personer',
  'side.requestTypes': 'Anmodningstyper',
  'side.automation': 'Automatisering',
  'side.customerNotifications': 'Kundemeddelelser',
  'title.page': '{page} · Accord-sandkasse',
  'title.queues': 'Køer',
  'title.defaultDashboard': 'Standarddashboard',
  'field.key': 'Nøgle',
  'field.summary': 'Resumé',
  'field.status': 'Status',
  'field.resolution': 'Løsning',
  'field.assignee': 'Ansvarlig',
  'field.reporter': 'Rapportør',
  'field.requestType': 'Anmodningstype',
  'field.priority': 'Prioritet',
  'field.organizations': 'Organisationer',
  'field.organization': 'Organisation',
  'field.labels': 'Etiketter',
  'field.team': 'Team',
  'field.components': 'Komponenter',
  'field.created': 'Oprettet',
  'field.slaState': 'SLA-status',
  'field.nextSlaDeadline': 'Næste SLA-frist',
  'field.slaStateAccord': 'SLA-status (Accord-felt)',
  'field.nextSlaDeadlineAccord': 'Næste SLA-frist (Accord-felt)',
  'field.nextDeadline': 'Næste frist',
  'value.none': 'Ingen',
  'value.unassigned': 'Ikke tildelt',
  'value.someone': 'Nogen',
  'issue.controls': 'Arbejd med sagen',
  'issue.actOn': 'Sandkasse: arbejd med {key}',
  'issue.transition': 'Overgang',
  'issue.transitionTo': 'Overgang til',
  'issue.setPriority': 'Angiv prioritet',
  'issue.assign': 'Tildel',
  'issue.activity': 'Aktivitet',
  'issue.comment': 'Kommentar',
  'issue.addComment': 'Tilføj en kommentar …',
  'issue.commentAsCustomer': 'Kommenter som kunde',
  'issue.commentAsAgent': 'Kommenter som agent',
  'issue.internalNote': 'Intern note',
  'issue.writeFirst': 'Skriv en kommentar først.',
  'history.commented': 'kommenterede · {time}',
  'history.madeChanges': 'foretog ændringer · {time}',
  'history.changed': 'ændrede {field} fra {from} til {to}',
  'history.app': 'App',
  'history.empty': 'Ingen aktivitet endnu.',
  'outbox.title': 'Udbakke',
  'outbox.intro':
    'Hvad Accord har sendt via Jiras notifikations-API. Et rigtigt site ville sende dem som e-mail; sandkassen gemmer dem her.',
  'outbox.empty': 'Accord har ikke sendt nogen notifikationer endnu.',
  'outbox.sent': 'Sendt',
  'outbox.issue': 'Sag',
  'outbox.to': 'Til',
  'outbox.message': 'Besked',
  'outbox.watchers': 'Observatører',
  'outbox.voters': 'Stemmeafgivere',
  'outbox.group': 'Gruppen {name}',
  'dashboard.edit': 'Rediger',
  'dashboard.filter': 'Filterresultater: åbne anmodninger i {project}',
  'dashboard.noneOpen': 'Ingen åbne anmodninger.',
  'portal.raised': '{name} oprettede denne anmodning {time}',
  'portal.noComments': 'Ingen kommentarer endnu.',
  'portal.addCommentLabel': 'Tilføj en kommentar',
  'portal.addComment': 'Tilføj kommentar',
  'portal.sharedWith': 'Delt med',
  'portal.onlyYou': 'Kun dig',
  'index.heading': 'Accord-sandkasse: {project}',
  'index.clock': 'Sandkassens ur:',
  'index.counts': 'Sager: {count} · åbne: {open}.',
  'index.about':
    'Hver skærm er den rigtige app, indrammet som Jira indrammer den; bjælken øverst handler, som Jira ville.',
  'index.screens': 'Accords skærme',
  'index.issueView': 'Sagsvisning: {key}',
  'index.issueViewWhat': 'agenternes nedtællinger (enhver nøgle nedenfor)',
  'index.adminPage': 'Administrationsside',
  'index.adminWhat': 'Jira-indstillinger › Apps › Accord, som site-administrator',
  'index.reportsWhat': 'Jira-indstillinger › Apps › Accord reports',
  'index.settingsWhat': '{project} › Projektindstillinger › Accord SLAs',
  'index.dashboard': 'Dashboard',
  'index.dashboardWhat': 'med Accords compliance-gadget',
  'index.portal': 'Kundeportal: {key}',
  'index.portalWhat': 'anmodningen, som dens rapportør ser den',
  'index.api': 'Og JSON-API’et:',
  'index.seeReadme': '(se README)',
  'index.queue': 'Kø: alle anmodninger',
  'index.portalLink': 'portal',
};

/** The languages the chrome is written in; any other locale reads English. */
export const CHROME_TEXT = { en, de, da } as const satisfies Readonly<Record<string, ChromeMessages>>;
export type ChromeLanguage = keyof typeof CHROME_TEXT;

/** The placeholders of a text, `{key}` → `'key'`. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;
/** What a key's text needs filled in: nothing, or one value for each of its placeholders. */
export type ChromeParams<K extends ChromeKey> = [Placeholders<(typeof en)[K]>] extends [never]
  ? []
  : [Readonly<Record<Placeholders<(typeof en)[K]>, string | number>>];
/** A key whose text has no placeholders, for tables of keys (a field's name, a role's). */
export type ChromePlainKey = { [K in ChromeKey]: ChromeParams<K> extends [] ? K : never }[ChromeKey];

/** The chrome's language for a BCP 47 locale: `de-DE` → `de`; English for a language it is not written in. */
export function chromeLanguage(locale: string): ChromeLanguage {
  const language = locale.slice(0, 2).toLowerCase();
  return language === 'de' || language === 'da' ? language : 'en';
}

/**
 * The locale the chrome's dates are written in: the user's, where the chrome speaks its language, else American
 * English, so that a French user reads "Fri, Nov 20" beside English words rather than "ven. 20 nov.".
 */
export const chromeLocale = (locale: string): string =>
  chromeLanguage(locale) === 'en' && !locale.startsWith('en-') ? 'en-US' : locale;

/** A text with its `{placeholders}` filled; a placeholder without a value stays as it is. */
export const fill = (text: string, params: Readonly<Record<string, string | number>> = {}): string =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });

/** The chrome in one user's language and zone: its words and its dates, as each host page writes them. */
export interface Chrome {
  /** The locale of the page's `<html lang>` and of its dates (see {@link chromeLocale}). */
  readonly locale: string;
  readonly timeZone: string;
  /** The language's whole table, for the host scripts. */
  readonly messages: ChromeMessages;
  /** A text, plain: escape it to write it into HTML. */
  text<K extends ChromeKey>(key: K, ...params: ChromeParams<K>): string;
  /** A text as HTML, the words escaped and the values written in as the HTML they are. */
  html<K extends ChromeKey>(key: K, ...params: ChromeParams<K>): string;
  /** An instant (epoch ms) in the user's zone and language: `Fr., 20. Nov. 2026, 10:30`. */
  time(ms: number, withZone?: boolean): string;
  /** A Jira timestamp (`…+0100` or `…Z`) as {@link time} writes it; empty for null, as it is for nonsense. */
  jiraTime(iso: string | null): string;
}

const twelveHours = (locale: string): boolean => {
  const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  return cycle === 'h11' || cycle === 'h12';
};

const formats = new Map<string, Intl.DateTimeFormat>();
function formatOf(locale: string, timeZone: string, withZone: boolean): Intl.DateTimeFormat {
  const key = `${locale} ${timeZone} ${String(withZone)}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      // As the UIs write times (static/shared/format/instant.ts): `09:30` where the locale counts 0–23,
      // `9:30 AM` where it counts 1–12.
      hour: twelveHours(locale) ? 'numeric' : '2-digit',
      minute: '2-digit',
      ...(withZone ? { timeZoneName: 'short' } : {}),
    });
    formats.set(key, format);
  }
  return format;
}

/** The chrome for a view's locale and zone. */
export function chromeFor(view: { readonly locale: string; readonly timezone: string }): Chrome {
  // Over English: a key the table lacks (only possible past the types) reads English, here and in the page.
  const messages: ChromeMessages = { ...en, ...CHROME_TEXT[chromeLanguage(view.locale)] };
  const locale = chromeLocale(view.locale);
  const time = (ms: number, withZone = false): string => formatOf(locale, view.timezone, withZone).format(ms);
  return {
    locale,
    timeZone: view.timezone,
    messages,
    text: (key, ...params) => fill(messages[key], params[0]),
    html: (key, ...params) => fill(escapeHtml(messages[key]), params[0]),
    time,
    jiraTime: (iso) => {
      if (iso === null) return '';
      const ms = Date.parse(iso.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
      return Number.isNaN(ms) ? iso : time(ms);
    },
  };
}
