/** What people write on the seeded requests: summaries by request type, and the comments of each step. */

export const SUMMARIES: Readonly<Record<string, readonly string[]>> = {
  'Report a system problem': [
    'SAP login times out after the password prompt',
    'Outlook keeps asking for my password',
    'CRM shows error 500 when saving a contact',
    'Teams calls drop after about a minute',
    'Shared drive S: is no longer mapped',
    'Printer on the 2nd floor jams on every job',
    'Expense tool rejects receipts as PDF',
    'Calendar invitations arrive twice',
  ],
  'Get IT help': [
    'How do I set up email on my new phone?',
    'Need access to the finance share',
    'Please install Visio on my laptop',
    'Second monitor is not detected',
    'Move my desk phone to room 4.12',
    'Set up a shared mailbox for the sales team',
  ],
  'Fix an account problem': [
    'Password expired and I am locked out',
    'Lost my phone: MFA needs resetting',
    'Account locked after the holidays',
    'Cannot reset my password in the portal',
  ],
  'Request new hardware': [
    'Laptop for a new starter on the 1st',
    'Replacement headset, the microphone is broken',
    'Docking station for the home office',
    'A second monitor for the design team',
  ],
  'Report a network outage': [
    'Hamburg office is offline',
    'VPN disconnects every 10 minutes',
    'Wi-Fi down on floor 3',
    'Leased line to the Munich site is down',
    'Internet very slow in the Berlin office',
  ],
};

/** Comments, by the step that writes them. */
export const FIRST_RESPONSES = [
  'Thanks for reporting this, we are looking into it now.',
  'Hi, I have picked this up and will get back to you shortly.',
  'Thanks, we can reproduce it and are on it.',
];
export const QUESTIONS = [
  'Could you send us a screenshot of the error message?',
  'Which device and which office are you working from?',
  'Could you try again after a restart and tell us whether it still happens?',
  'Can you confirm your employee number so that we can verify the account?',
];
export const CUSTOMER_REPLIES = [
  'Screenshot attached, it happens every time.',
  'I am in the Hamburg office, on my laptop.',
  'Restarted, still the same problem.',
  'Employee number 4711.',
];
export const ESCALATIONS = [
  'Needs the second-level team: escalating.',
  'Beyond first-level permissions, handing to second level.',
];
export const SUPPLIER_HANDOFFS = [
  'Line fault confirmed at the carrier side: raised with NetCo.',
  'NetCo has to check the router at the site: ticket opened with them.',
];
export const SUPPLIER_RETURNS = [
  'NetCo restored the line; checking from our side.',
  'NetCo replaced the faulty port; back with us.',
];
export const HAND_BACKS = ['Fixed the configuration; first level, please confirm with the customer.'];
export const RESOLUTIONS = [
  'This is fixed now; please let us know if anything is still wrong.',
  'Done: you should be able to carry on as before.',
  'Resolved. Thanks for your patience!',
];
export const REOPENINGS = ['Sorry, it is happening again since this morning.', 'Still not working for me.'];
export const NO_REPLY = ['Closing this as we have not heard back; reply to reopen it.'];
