import { splitIssues } from './field-issues';

const error = (...paths: string[]) => ({ code: 'VALIDATION.INVALID_BODY', message: 'invalid', issues: paths.map((path) => ({ path, message: `bad ${path}` })) });

describe('splitIssues', () => {
  const fields = ['employmentPlan', 'employmentPlan.goals', 'organiser.businessId', 'heldOn'];

  it('places an issue on its field, else on the longest field that prefixes it', () => {
    expect(splitIssues(error('heldOn', 'employmentPlan.goals.0', 'employmentPlan.applicationsPerMonth', 'organiser.businessId'), fields).byField).toEqual({
      heldOn: ['bad heldOn'],
      'employmentPlan.goals': ['bad employmentPlan.goals.0'],
      employmentPlan: ['bad employmentPlan.applicationsPerMonth'],
      'organiser.businessId': ['bad organiser.businessId'],
    });
  });

  it('does not take a field for a mere string prefix', () => {
    expect(splitIssues(error('heldOnDate'), fields)).toEqual({ byField: {}, unplaced: ['heldOnDate: bad heldOnDate'] });
  });

  it('keeps issues no field owns, and the root issue, apart', () => {
    expect(splitIssues(error('extra', ''), fields).unplaced).toEqual(['extra: bad extra', 'bad ']);
  });

  it('follows aliases to the field that edits the value', () => {
    expect(splitIssues(error('about.trialId'), ['about.id'], { 'about.trialId': 'about.id' }).byField).toEqual({ 'about.id': ['bad about.trialId'] });
  });

  it('has nothing to place without an error', () => {
    expect(splitIssues(null, fields)).toEqual({ byField: {}, unplaced: [] });
  });
});
