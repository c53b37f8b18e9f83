import type { StatementKey } from './statement.fi';

/** The accessibility statement (tillgänglighetsutlåtande, lag 306/2019 §15) in Swedish. */
export const STATEMENT_SV: Readonly<Record<StatementKey, string>> = {
  title: 'Tillgänglighetsutlåtande',
  intro:
    'Detta utlåtande gäller Polkus personalkonsol. Lagen om tillhandahållande av digitala tjänster (306/2019) kräver att också myndigheternas interna tjänster är tillgängliga. Konsolens mål är nivå AA i WCAG 2.1.',
  statusTitle: 'Tillgänglighetsstatus',
  statusPartial: 'Polku uppfyller kraven på nivå AA i WCAG 2.1 delvis: bristerna nedan är kända.',
  statusFailing: 'Den senaste automatiska granskningen hittade brister som listas nedan. De åtgärdas före nästa version.',
  gapsTitle: 'Innehåll som inte är tillgängligt',
  gapSession:
    'Justerbar tidsgräns (WCAG 2.2.1): inloggningen upphör efter åtta timmar utan förvarning, och formulärdata som inte sparats går förlorade. Av säkerhetsskäl kan inloggningstiden inte förlängas.',
  gapScreenReader: 'Konsolen har ännu inte testats med skärmläsare (NVDA, JAWS, VoiceOver); dess tillgänglighetsträd har granskats med webbläsaren.',
  gapServerDetail:
    'Serverns tekniska preciseringar i felmeddelanden är på engelska. Förklaringen av felet visas på det valda språket, och den engelska preciseringen är märkt som engelska så att skärmläsaren läser den rätt.',
  violationsTitle: 'Den automatiska granskningens fynd',
  auditTitle: 'Hur tillgängligheten har bedömts',
  auditIntro: 'Siffrorna nedan kommer från den senaste automatiska granskningen av denna konsolversion. Webbläsartestet granskar varje sida på alla språk.',
  auditNone: 'Det finns ännu inga resultat från en automatisk granskning av denna konsolversion. De skapas när webbläsartestet körs.',
  auditDate: 'Granskad',
  auditEngine: 'Verktyg',
  auditBrowser: 'Webbläsare',
  auditStandard: 'Kravnivå',
  auditPages: 'Granskade sidor',
  auditLanguages: 'Språk',
  auditRulesPassed: 'Godkända regler',
  auditViolations: 'Fynd',
  auditIncomplete: 'Regler som granskas manuellt',
  auditKeyboard: 'Enbart med tangentbord: från mottagning till avslutad stig',
  keyboardPassed: 'godkänt',
  keyboardFailed: 'underkänt',
  keyboardNotRun: 'inte kört',
  none: 'inga',
  manualTitle: 'Manuell bedömning',
  manual:
    'En automatisk granskning hittar inte allt. Utvecklarna har dessutom manuellt kontrollerat fokusordning och synligt fokus, hur fel och sparade ändringar meddelas, diagrammens textalternativ, innehållet i 320 pixlars bredd och text förstorad till 200 %. Bedömningen är gjord 1.12.2026.',
  feedbackTitle: 'Respons',
  feedback: 'Om du upptäcker en brist som inte finns med ovan, meddela ditt sysselsättningsområdes huvudanvändare för Polku. Vi svarar inom 14 dagar.',
  enforcementTitle: 'Tillsynsmyndighet',
  enforcement:
    'Om du inte får svar inom två veckor eller inte är nöjd med svaret kan du göra en anmälan till tillsynsmyndigheten (Tillstånds- och tillsynsverket, tillsynen över tillgänglighet).',
  enforcementLink: 'tillganglighetskrav.fi',
};
