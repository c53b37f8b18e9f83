import { addDays, type AgeBand, compareLocalDate, type ExitOutcome, GOAL_ATTAINED, type LocalDate, type PathCommand, type ReferralSource } from '@polku/domain';
import { on } from './kpi-facts-feeder';

/**
 * A data set shaped like the seed's programme figures (../shared/seeds, Ketterimmät): multisectoral
 * (TYP) clients January–May, Hämeenlinna 543 (97 new), Hattula 47 (13), Janakkala 70 (31), with
 * 32 %, 56 % and 15 % of them reaching a goal-attained outcome. Here in 2026 (the policies start
 * in 2025). Most clients were registered before the period and are served across its months; one
 * client moves from Hattula to Janakkala, one exits and comes back; around them, clients outside
 * the segment: served without a multisectoral referral, referred only before the period, or gone
 * before it.
 */
export interface SeedPath {
  readonly pathId: string;
  readonly clientReference: string;
  readonly municipality: string;
  readonly referralSource: ReferralSource;
  readonly ageBand: AgeBand;
  readonly registeredOn: LocalDate;
  readonly interviewOn: LocalDate;
  readonly referralOn?: LocalDate;
  readonly exit?: { readonly on: LocalDate; readonly outcome: ExitOutcome };
  readonly followUp3?: { readonly on: LocalDate; readonly inWork: boolean };
  readonly followUp6?: { readonly on: LocalDate; readonly inWork: boolean };
}

export const PERIOD = { from: '2026-01-01', to: '2026-05-31' } as const;

/** The seed's figures: served, new, goal attained (their share by our definition: goal-attained clients ÷ served). */
export const SEED_FIGURES = [
  { municipality: 'Hämeenlinna', served: 543, newClients: 97, goal: 174, otherExits: 40, juneExits: 10 },
  { municipality: 'Hattula', served: 47, newClients: 13, goal: 26, otherExits: 3, juneExits: 2 },
  { municipality: 'Janakkala', served: 70, newClients: 31, goal: 11, otherExits: 4, juneExits: 2 },
] as const;

const GOAL_OUTCOMES = (Object.keys(GOAL_ATTAINED) as ExitOutcome[]).filter((outcome) => GOAL_ATTAINED[outcome]);
const SOURCES: readonly ReferralSource[] = ['KELA', 'WELLBEING_COUNTY', 'SELF_REGISTRATION'];
const BANDS: readonly AgeBand[] = ['UNDER_25', 'FROM_25_UNDER_30', 'FROM_30'];
const earliest = (...dates: LocalDate[]) => dates.reduce((a, b) => (compareLocalDate(a, b) <= 0 ? a : b));

let serial = 0;
const ids = (label: string) => {
  serial += 1;
  const id = `${label}-${String(serial).padStart(5, '0')}`;
  return { pathId: `seed-${id}`, clientReference: `cref_seed${String(serial).padStart(12, '0')}` };
};

function base(label: string, municipality: string, index: number, registeredOn: LocalDate, interviewOn: LocalDate) {
  return { ...ids(label), municipality, referralSource: SOURCES[index % 3] as ReferralSource, ageBand: BANDS[index % 4 === 0 ? 0 : index % 4 === 1 ? 1 : 2] as AgeBand, registeredOn, interviewOn };
}

/** One multisectoral client of the period: new ones registered 2.1.–7.5., the others in 2025; every tenth new one interviewed late. */
function inSegment(municipality: string, index: number, isNew: boolean, role: 'goal' | 'other' | 'june' | 'open'): SeedPath {
  const registeredOn = isNew ? addDays('2026-01-02', (index * 7) % 126) : addDays('2025-03-03', (index * 3) % 280);
  const interviewOn = addDays(registeredOn, isNew && index % 10 === 0 ? 20 : 1);
  const referralOn = isNew ? addDays(interviewOn, 1) : addDays('2026-01-05', index % 30);
  const path = { ...base('ms', municipality, index, registeredOn, interviewOn), referralOn };
  if (role === 'open') return path;
  if (role === 'june') return { ...path, exit: { on: '2026-06-10', outcome: 'EDUCATION' } };
  // The first exits on the period's last day: an exit in the period, no longer active at its end.
  const exitOn = index === 0 ? PERIOD.to : earliest(addDays(referralOn, 1 + (index % 10)), PERIOD.to);
  const outcome = role === 'goal' ? (GOAL_OUTCOMES[index % GOAL_OUTCOMES.length] as ExitOutcome) : index % 2 ? 'MOVED_AWAY' : 'NOT_REACHED';
  return {
    ...path,
    exit: { on: exitOn, outcome },
    followUp3: { on: addDays(exitOn, 100), inWork: index % 4 !== 0 },
    ...(index % 2 === 0 && compareLocalDate(exitOn, '2026-04-30') <= 0 ? { followUp6: { on: addDays(exitOn, 190), inWork: index % 3 !== 0 } } : {}),
  };
}

/** Clients around the segment: served without a referral, referred only in 2025, or gone before the period. */
function outsideSegment(municipality: string): SeedPath[] {
  const noReferral = Array.from({ length: 20 }, (_, i) => base('plain', municipality, i, addDays('2025-10-01', i * 3), addDays('2025-10-02', i * 3)));
  const referredBefore = Array.from({ length: 10 }, (_, i) => ({ ...base('before', municipality, i, '2025-09-01', '2025-09-02'), referralOn: '2025-11-10' }));
  const gone = Array.from({ length: 5 }, (_, i) => ({ ...base('gone', municipality, i, '2025-05-05', '2025-05-06'), referralOn: '2025-06-02', exit: { on: '2025-12-15', outcome: 'EDUCATION' as const } }));
  return [...noReferral, ...referredBefore, ...gone];
}

/** The special clients: one moves from Hattula to Janakkala, one in Hämeenlinna exits and comes back (a new registration). */
function specialClients(): SeedPath[] {
  const mover = ids('mover');
  const returner = ids('returner');
  return [
    { ...base('x', 'Hattula', 1, '2025-06-02', '2025-06-03'), ...mover, referralOn: '2026-01-12', exit: { on: '2026-02-10', outcome: 'MOVED_AWAY' } },
    { ...base('x', 'Janakkala', 1, '2026-03-02', '2026-03-03'), pathId: `${mover.pathId}-2`, clientReference: mover.clientReference, referralOn: '2026-03-04' },
    { ...base('x', 'Hämeenlinna', 2, '2025-06-02', '2025-06-03'), ...returner, referralOn: '2026-01-07', exit: { on: '2026-01-20', outcome: 'NOT_REACHED' } },
    { ...base('x', 'Hämeenlinna', 2, '2026-04-06', '2026-04-07'), pathId: `${returner.pathId}-2`, clientReference: returner.clientReference, referralOn: '2026-04-08' },
  ];
}

/** Every path of the data set: per municipality the seed's counts, the special clients counted in them. */
export function seedShapedPaths(): SeedPath[] {
  serial = 0;
  const paths: SeedPath[] = [];
  for (const shape of SEED_FIGURES) {
    // The special clients take one served client of each municipality (Janakkala's mover is new, the returner is new in Hämeenlinna).
    const generic = shape.served - 1;
    const newOnes = shape.newClients - (shape.municipality === 'Hattula' ? 0 : 1);
    const other = shape.otherExits - (shape.municipality === 'Janakkala' ? 0 : 1);
    for (let i = 0; i < generic; i++) {
      const role = i < shape.goal ? 'goal' : i < shape.goal + other ? 'other' : i < shape.goal + other + shape.juneExits ? 'june' : 'open';
      paths.push(inSegment(shape.municipality, i, i >= generic - newOnes, role));
    }
    paths.push(...outsideSegment(shape.municipality));
  }
  return [...paths, ...specialClients()];
}

/** The commands of a path in the order staff made them, its multisectoral referral alternating screening and work-ability assessment. */
export function commandsOf(path: SeedPath, employmentArea: string): PathCommand[] {
  const plan = { applicationsPerMonth: 4, goals: ['work'] };
  return [
    on(path.registeredOn, 'StartPath', {
      pathId: path.pathId, clientReference: path.clientReference, employmentArea, municipality: path.municipality, referralSource: path.referralSource,
      registeredOn: path.registeredOn, coachId: 'coach-17', consents: [], ageBand: path.ageBand,
    }),
    on(path.interviewOn, 'HoldInitialInterview', { heldOn: path.interviewOn, serviceNeed: 'need', employmentPlan: plan }),
    on(path.interviewOn, 'StartAssessment', { startedOn: path.interviewOn }),
    ...(path.referralOn
      ? [on(path.referralOn, 'ReferToWellbeingService', {
          referralId: 'ref-1', service: path.pathId.length % 2 ? 'MULTISECTORAL_SCREENING' : 'WORK_ABILITY_ASSESSMENT', legalBasis: 'MULTISECTORAL_SUPPORT', referredOn: path.referralOn,
        })]
      : []),
    ...(path.exit ? [on(path.exit.on, 'ExitPath', { outcome: path.exit.outcome, exitedOn: path.exit.on })] : []),
    ...(path.followUp3 ? [on(path.followUp3.on, 'RecordFollowUp', { months: 3, inWorkOrStudy: path.followUp3.inWork, recordedOn: path.followUp3.on })] : []),
    ...(path.followUp6 ? [on(path.followUp6.on, 'RecordFollowUp', { months: 6, inWorkOrStudy: path.followUp6.inWork, recordedOn: path.followUp6.on })] : []),
  ];
}

