import * as f from './testing/path-fixtures';

describe('ReopenPath', () => {
  const exited = [
    f.startPath('2026-01-07'),
    f.holdInitialInterview('2026-01-12'),
    f.startAssessment('2026-01-13'),
    f.recordAssessment('2026-01-20'),
    f.exitPath('2026-02-02', 'NOT_REACHED'),
  ];

  it('returns the path to planning: a new assessment, then a service, can follow', () => {
    const { state } = f.given(...exited, f.reopenPath('2026-03-02'));
    expect(state).toMatchObject({ status: 'ACTIVE', stage: 'INTAKE', interviewHeldOn: '2026-01-12' });
    expect(state).not.toHaveProperty('assessment');
    expect(state).not.toHaveProperty('outcome');
    const next = f.given(...exited, f.reopenPath('2026-03-02'), f.startAssessment('2026-03-03'), f.recordAssessment('2026-03-10'), f.startWorkTrial('2026-03-16', '2026-06-15'));
    expect(next.state).toMatchObject({ status: 'ACTIVE', stage: 'WORK_TRIAL' });
  });

  it('does not let a reopened path skip its new assessment', () => {
    const { state } = f.given(...exited, f.reopenPath('2026-03-02'));
    expect(f.rejection(state, f.startWorkTrial('2026-03-16', '2026-06-15'))).toEqual({
      code: 'PATH.INVALID_TRANSITION',
      facts: { from: 'INTAKE', to: 'StartWorkTrial' },
    });
  });
});
