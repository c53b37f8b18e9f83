/**
 * The accessibility statement (saavutettavuusseloste, Act 306/2019 §15) in Finnish: the source
 * of the keys. The audit figures are not here: the page reads them from the last audit's results.
 */
export const STATEMENT_FI = {
  title: 'Saavutettavuusseloste',
  intro:
    'Tämä seloste koskee Polku-henkilöstökonsolia. Digitaalisten palvelujen tarjoamisesta annettu laki (306/2019) edellyttää, että myös viranomaisen sisäiset palvelut ovat saavutettavia. Konsolin tavoite on WCAG 2.1 -ohjeiston taso AA.',
  statusTitle: 'Saavutettavuuden tila',
  statusPartial: 'Polku täyttää WCAG 2.1 -tason AA vaatimukset osittain: alla luetellut puutteet ovat tiedossa.',
  statusFailing: 'Viimeisin automaattinen tarkastus löysi puutteita, jotka on lueteltu alla. Ne korjataan ennen seuraavaa julkaisua.',
  gapsTitle: 'Ei-saavutettava sisältö',
  gapSession:
    'Säädettävä ajoitus (WCAG 2.2.1): kirjautuminen päättyy kahdeksan tunnin kuluttua ilman ennakkovaroitusta, ja tallentamattomat lomaketiedot menetetään. Kirjautumisaikaa ei voi pidentää tietoturvasyistä.',
  gapScreenReader: 'Konsolia ei ole vielä testattu ruudunlukijoilla (NVDA, JAWS, VoiceOver); sen saavutettavuuspuu on tarkistettu selaimen avulla.',
  gapServerDetail:
    'Palvelimen tekniset tarkenteet virheilmoituksissa ovat englanniksi. Virheen selitys näkyy valitulla kielellä, ja englanninkielinen tarkenne on merkitty englanniksi, jotta ruudunlukija lukee sen oikein.',
  violationsTitle: 'Automaattisen tarkastuksen löydökset',
  auditTitle: 'Miten saavutettavuus on arvioitu',
  auditIntro: 'Alla olevat luvut ovat tämän konsoliversion viimeisimmästä automaattisesta tarkastuksesta. Selaintesti ajaa tarkastuksen jokaisella sivulla kaikilla kielillä.',
  auditNone: 'Tälle konsoliversiolle ei ole vielä automaattisen tarkastuksen tuloksia. Ne syntyvät, kun selaintesti ajetaan.',
  auditDate: 'Tarkastettu',
  auditEngine: 'Työkalu',
  auditBrowser: 'Selain',
  auditStandard: 'Vaatimustaso',
  auditPages: 'Tarkastetut sivut',
  auditLanguages: 'Kielet',
  auditRulesPassed: 'Läpäistyt säännöt',
  auditViolations: 'Löydökset',
  auditIncomplete: 'Käsin tarkistettavat säännöt',
  auditKeyboard: 'Pelkällä näppäimistöllä: vastaanotosta polun päättämiseen',
  keyboardPassed: 'läpäisty',
  keyboardFailed: 'ei läpäisty',
  keyboardNotRun: 'ei ajettu',
  none: 'ei yhtään',
  manualTitle: 'Käsin tehty arviointi',
  manual:
    'Automaattinen tarkastus ei löydä kaikkea. Kehittäjät ovat lisäksi tarkistaneet käsin kohdistuksen järjestyksen ja näkyvyyden, virheilmoitusten ja tallennusten ilmoittamisen, kaavioiden tekstivastineet, sisällön 320 pikselin leveydellä ja tekstin 200 %:n suurennoksella. Arvio on laadittu 1.12.2026.',
  feedbackTitle: 'Palaute',
  feedback: 'Jos huomaat puutteen, jota ei ole lueteltu, kerro siitä työllisyysalueesi Polku-pääkäyttäjälle. Vastaamme 14 päivän kuluessa.',
  enforcementTitle: 'Valvontaviranomainen',
  enforcement:
    'Jos et saa vastausta kahden viikon kuluessa tai vastaus ei tyydytä sinua, voit tehdä ilmoituksen valvontaviranomaiselle (Lupa- ja valvontavirasto, saavutettavuuden valvonta).',
  enforcementLink: 'saavutettavuusvaatimukset.fi',
} as const;

export type StatementKey = keyof typeof STATEMENT_FI;
