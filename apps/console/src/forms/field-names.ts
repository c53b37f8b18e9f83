/** Every field of every console form; each has a label in every language (i18n `fields`). */
export type FieldName =
  // sign-in, intake and list filters
  | 'role' | 'employmentArea' | 'userId'
  | 'identityCode' | 'municipality' | 'coachId' | 'referralSource'
  | 'stage' | 'status' | 'overdue' | 'from' | 'to' | 'segment' | 'asOf'
  // path commands
  | 'heldOn' | 'serviceNeed' | 'employmentPlan.applicationsPerMonth' | 'employmentPlan.goals'
  | 'recordedOn' | 'startedOn' | 'strengths' | 'ownGoals' | 'recommendedNextService'
  | 'referralId' | 'service' | 'legalBasis' | 'referredOn' | 'workCapacityLimitation'
  | 'trialId' | 'organiser.name' | 'organiser.businessId' | 'organiser.kind' | 'organiser.isCurrentEmployer'
  | 'tasks' | 'goal' | 'startOn' | 'plannedEndOn' | 'daysPerWeek' | 'hoursPerDay' | 'agreementReference' | 'guide'
  | 'endedOn' | 'result' | 'organiserFeedback'
  | 'subsidyId' | 'employerBusinessId' | 'employerKind' | 'rate' | 'workingTimePercent' | 'endOn'
  | 'serviceId' | 'kind' | 'provider' | 'reviewOn' | 'month' | 'realisedDays'
  | 'about.type' | 'about.id' | 'summary'
  | 'reason' | 'outcome' | 'exitedOn' | 'months' | 'inWorkOrStudy' | 'reopenedOn'
  | 'consent.audience' | 'consent.scope' | 'consent.givenOn' | 'consent.expiresOn' | 'audience' | 'toVersion'
  // the language a client's document is written in
  | 'language';
