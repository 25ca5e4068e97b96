/**
 * The fixed people of the sample workspace. The saved host pages in test/fixtures show these
 * people, so the end-to-end tests and the README screenshot find them. All names and domains are
 * fictitious (`.example` is reserved for documentation, RFC 2606).
 */
export const SIGNED_IN_USER = { name: 'Alex Rep', email: 'alex.rep@baton-demo.example' } as const;

export const HERO_LEADS = [
  {
    id: 'lead-dana-whitfield',
    name: 'Dana Whitfield',
    email: 'dana.whitfield@northwindhealth.example',
    title: 'VP of Operations',
    company: 'Northwind Health',
    industry: 'Healthcare',
    companySize: 1200,
    territory: 'NA East',
    need: 'Integration risk with the EHR during rollout',
    linkedinSlug: 'dana-whitfield-nw',
    phone: '+1 617 555 0142',
    handedOverMinutesAgo: 25,
  },
  {
    id: 'lead-priya-raman',
    name: 'Priya Raman',
    email: 'priya.raman@larkspur-logistics.example',
    title: 'Director of IT',
    company: 'Larkspur Logistics',
    industry: 'Logistics',
    companySize: 430,
    territory: 'EMEA',
    need: undefined,
    linkedinSlug: 'priya-raman-larkspur',
    phone: '+1 415 555 0187',
    handedOverMinutesAgo: 190,
  },
  {
    id: 'lead-marco-bellini',
    name: 'Marco Bellini',
    email: 'm.bellini@fioreretail.example',
    title: 'Head of E-commerce',
    company: 'Fiore Retail',
    industry: 'Retail',
    companySize: 85,
    territory: 'EMEA',
    need: 'Cart abandonment reporting',
    linkedinSlug: 'marco-bellini-4a2b',
    phone: '+39 02 555 0163',
    handedOverMinutesAgo: 60 * 24 * 3,
  },
] as const;

/** Someone who writes in but is not a lead: the panel offers to add them. */
export const UNKNOWN_SENDER = { name: 'Sam Unlisted', email: 'sam@unlisted-corp.example' } as const;
