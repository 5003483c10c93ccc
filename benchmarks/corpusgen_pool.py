# ruff: noqa: E501
"""Parallel sentence tables for the synthetic news corpus generator (``corpusgen.py``).

All text here was written by hand for this benchmark.  Line *i* of every language block is a
translation of line *i* of the others, so a story is "translated" by rendering the same
sentence indices in another language with the same facts.  Line format: ``domain|template``.
Slots: ``{PERSON}`` (per-language spelling), ``{CITY}`` (Kyiv / Kiew / Киев / Київ),
``{ORG}``, ``{NUMBER}`` (4,500 / 4.500 / 4 500 with U+202F) and ``{DATE}`` (March 3 /
3. März / 3 марта).  ``[masculine|feminine]`` picks a form by the gender of the story's
person; slots are placed so names stay in the nominative ("в городе {CITY}").  On import the
module checks that all languages line up (same domain and slots on every line).
"""

from __future__ import annotations

import re

LANGS: tuple[str, ...] = ("en", "de", "ru", "no", "fr", "es", "uk")

_SENTENCES: dict[str, str] = {}
_HEADLINES: dict[str, str] = {}

_SENTENCES["en"] = """\
floods|Heavy rain overnight flooded large parts of {CITY}, and rescue services evacuated {NUMBER} residents from their homes.
floods|By the morning of {DATE}, around {NUMBER} households were still without electricity or clean drinking water.
floods|Mayor {PERSON} declared a state of emergency and asked people to avoid the low-lying districts near the river.
floods|Volunteers from {ORG} handed out sandbags and blankets at three schools that were turned into shelters.
floods|Forecasters warned that more rain was expected before {DATE} and that water levels could rise again.
floods|Local officials said {NUMBER} buildings in {CITY} had been damaged and would need to be inspected by engineers.
courts|A court in {CITY} on {DATE} sentenced {PERSON} to prison for fraud involving public contracts.
courts|Prosecutors said the scheme had cost taxpayers at least {NUMBER} euros over four years.
courts|The defence argued that {ORG} had approved every payment and announced that it would appeal.
courts|The judge noted that more than {NUMBER} pages of documents had been examined during the trial.
courts|Outside the courthouse, {PERSON} told reporters that the verdict was political and would not stand.
courts|The appeal hearing is scheduled for {DATE} at the regional court in {CITY}.
elections|Turnout in the local elections in {CITY} reached a record, with {NUMBER} more voters than four years ago.
elections|{PERSON} claimed victory shortly after midnight and promised to cut waiting times at public offices.
elections|Official results will be published on {DATE}, after postal ballots have been counted.
elections|A survey by {ORG} had predicted a much closer race between the two leading candidates.
elections|Observers reported {NUMBER} complaints about long queues and missing ballot papers at polling stations.
elections|The new council is expected to hold its first session on {DATE} and elect a chair.
ports|Dock workers at the port of {CITY} began a strike on {DATE} over pay and night shifts.
ports|About {NUMBER} containers are waiting to be unloaded, and several ships have been diverted to other harbours.
ports|The operator {ORG} said it had offered a new contract and called the walkout irresponsible.
ports|Union leader {PERSON} said the workers would stay out until management returned to the table.
ports|Retailers warned that shelves could empty before {DATE} if the dispute continued.
ports|Last year the port handled {NUMBER} ships, making it one of the busiest in the region.
energy|Electricity prices in {CITY} rose sharply on {DATE}, after a cold snap pushed up demand.
energy|The supplier {ORG} said it would raise its tariff for households from next month.
energy|Around {NUMBER} customers have already asked for help with their bills, according to consumer groups.
energy|Energy minister {PERSON} promised a temporary price cap and said a decision would come by {DATE}.
energy|Analysts said low wind and dry reservoirs had reduced supply across the whole region.
energy|Some {NUMBER} families switched to wood stoves last winter to save money.
sports|The final in {CITY} on {DATE} drew {NUMBER} spectators, a record for the tournament.
sports|{PERSON} scored twice in the second half and was named player of the match.
sports|The club's sponsor {ORG} announced a bonus for every player in the squad.
sports|Fans celebrated in the centre of {CITY} until the early hours, and police reported no serious incidents.
sports|Tickets for the next home game on {DATE} sold out within an hour.
sports|The club said it had already sold {NUMBER} season tickets for next year.
health|Hospitals in {CITY} postponed planned operations on {DATE} as flu cases climbed.
health|Doctors treated {NUMBER} patients with respiratory infections in a single week.
health|Chief physician {PERSON} urged older people to get vaccinated and to stay at home when ill.
health|The health authority {ORG} opened two extra vaccination centres and extended their hours.
health|Pharmacies reported shortages of some antibiotics, and new deliveries are not expected before {DATE}.
health|Waiting lists at the regional hospital have grown to {NUMBER} people, the highest figure in a decade.
tech|The tech company {ORG} unveiled a new data centre near {CITY} on {DATE}.
tech|The project will create {NUMBER} jobs, although critics worry about its water and power use.
tech|Chief executive {PERSON} said the site would run entirely on renewable energy by the end of the decade.
tech|A software fault on {DATE} left {NUMBER} users unable to log in to online banking for several hours.
tech|Regulators in {CITY} have asked for a full report on the incident within two weeks.
tech|Security researchers said the outage was caused by an update, not by an attack.
generic|The announcement came on {DATE}, after weeks of speculation in local media.
generic|“We are doing everything we can, but people need to be patient,” {PERSON} said.
generic|Local newspapers reported that {NUMBER} people had signed a petition within two days.
generic|A spokesperson for {ORG} declined to comment when contacted on {DATE}.
generic|The issue has divided opinion in {CITY}, where many residents feel they were not consulted.
generic|Officials promised an update by the end of the week.
generic|According to {ORG}, the total cost could exceed {NUMBER} euros.
generic|{PERSON} first raised concerns about the situation in an interview last autumn.
generic|The opposition called for an independent inquiry and said the public deserved answers.
generic|Similar problems were reported by {NUMBER} businesses across the country.
generic|Residents of {CITY} were invited to a public meeting on {DATE} to discuss the next steps.
generic|Experts say the coming days will be decisive for {CITY}.
"""

_SENTENCES["de"] = """\
floods|Starker Regen hat in der Nacht weite Teile von {CITY} überflutet, Rettungskräfte brachten {NUMBER} Bewohner aus ihren Häusern in Sicherheit.
floods|Am Morgen des {DATE} waren noch rund {NUMBER} Haushalte ohne Strom oder sauberes Trinkwasser.
floods|[Bürgermeister|Bürgermeisterin] {PERSON} rief den Notstand aus und bat die Menschen, die tiefer gelegenen Viertel am Fluss zu meiden.
floods|Freiwillige von {ORG} verteilten Sandsäcke und Decken in drei Schulen, die zu Notunterkünften umfunktioniert wurden.
floods|Meteorologen warnten, dass bis zum {DATE} weiterer Regen erwartet werde und die Pegel erneut steigen könnten.
floods|Nach Angaben der Behörden wurden in {CITY} {NUMBER} Gebäude beschädigt, die nun von Ingenieuren geprüft werden müssen.
courts|Ein Gericht in {CITY} hat {PERSON} am {DATE} wegen Betrugs bei öffentlichen Aufträgen zu einer Haftstrafe verurteilt.
courts|Nach Angaben der Staatsanwaltschaft hat das System die Steuerzahler in vier Jahren mindestens {NUMBER} Euro gekostet.
courts|Die Verteidigung argumentierte, {ORG} habe jede Zahlung genehmigt, und kündigte Berufung an.
courts|Der Richter wies darauf hin, dass im Laufe des Prozesses mehr als {NUMBER} Seiten an Dokumenten geprüft worden seien.
courts|Vor dem Gerichtsgebäude sagte {PERSON} Reportern, das Urteil sei politisch motiviert und werde keinen Bestand haben.
courts|Die Berufungsverhandlung ist für den {DATE} am Landgericht in {CITY} angesetzt.
elections|Die Wahlbeteiligung bei der Kommunalwahl in {CITY} erreichte einen Rekord: {NUMBER} Wähler mehr als vor vier Jahren.
elections|{PERSON} erklärte sich kurz nach Mitternacht [zum Sieger|zur Siegerin] und versprach, die Wartezeiten in den Ämtern zu verkürzen.
elections|Das amtliche Endergebnis soll am {DATE} veröffentlicht werden, nachdem die Briefwahlstimmen ausgezählt sind.
elections|Eine Umfrage von {ORG} hatte ein deutlich knapperes Rennen zwischen den beiden führenden Kandidaten vorhergesagt.
elections|Wahlbeobachter meldeten {NUMBER} Beschwerden über lange Schlangen und fehlende Stimmzettel in den Wahllokalen.
elections|Der neue Stadtrat soll am {DATE} zu seiner ersten Sitzung zusammenkommen und einen Vorsitzenden wählen.
ports|Die Hafenarbeiter in {CITY} sind am {DATE} wegen Löhnen und Nachtschichten in den Streik getreten.
ports|Rund {NUMBER} Container warten auf die Entladung, mehrere Schiffe wurden in andere Häfen umgeleitet.
ports|Der Betreiber {ORG} erklärte, er habe einen neuen Tarifvertrag angeboten, und nannte den Streik unverantwortlich.
ports|[Gewerkschaftschef|Gewerkschaftschefin] {PERSON} sagte, die Beschäftigten würden streiken, bis die Geschäftsführung an den Verhandlungstisch zurückkehre.
ports|Einzelhändler warnten, die Regale könnten sich bis zum {DATE} leeren, falls der Konflikt andauere.
ports|Im vergangenen Jahr hat der Hafen {NUMBER} Schiffe abgefertigt und gehört damit zu den geschäftigsten der Region.
energy|Die Strompreise in {CITY} sind am {DATE} stark gestiegen, nachdem eine Kältewelle die Nachfrage in die Höhe getrieben hatte.
energy|Der Versorger {ORG} kündigte an, seinen Tarif für Haushalte ab dem kommenden Monat zu erhöhen.
energy|Nach Angaben von Verbraucherverbänden haben bereits rund {NUMBER} Kunden um Hilfe bei ihren Rechnungen gebeten.
energy|[Energieminister|Energieministerin] {PERSON} stellte eine befristete Preisobergrenze in Aussicht und sagte, eine Entscheidung falle bis zum {DATE}.
energy|Analysten zufolge haben schwacher Wind und leere Stauseen das Angebot in der gesamten Region verringert.
energy|Im vergangenen Winter sind etwa {NUMBER} Familien auf Holzöfen umgestiegen, um Geld zu sparen.
sports|Das Finale in {CITY} am {DATE} verfolgten {NUMBER} Zuschauer, ein Rekord für das Turnier.
sports|{PERSON} traf in der zweiten Halbzeit zweimal und wurde [zum besten Spieler|zur besten Spielerin] der Partie gewählt.
sports|Der Vereinssponsor {ORG} kündigte eine Prämie für jeden Spieler im Kader an.
sports|Die Fans feierten bis in die frühen Morgenstunden in der Innenstadt von {CITY}, die Polizei meldete keine ernsten Zwischenfälle.
sports|Die Karten für das nächste Heimspiel am {DATE} waren innerhalb einer Stunde ausverkauft.
sports|Der Verein teilte mit, er habe bereits {NUMBER} Dauerkarten für das kommende Jahr verkauft.
health|Die Krankenhäuser in {CITY} haben am {DATE} geplante Operationen verschoben, weil die Grippefälle zunehmen.
health|Ärzte behandelten in einer einzigen Woche {NUMBER} Patienten mit Atemwegsinfektionen.
health|[Chefarzt|Chefärztin] {PERSON} rief ältere Menschen dazu auf, sich impfen zu lassen und bei Krankheit zu Hause zu bleiben.
health|Die Gesundheitsbehörde {ORG} eröffnete zwei zusätzliche Impfzentren und verlängerte die Öffnungszeiten.
health|Apotheken meldeten Engpässe bei einigen Antibiotika, neue Lieferungen werden nicht vor dem {DATE} erwartet.
health|Die Wartelisten des Regionalkrankenhauses sind auf {NUMBER} Menschen angewachsen, der höchste Stand seit zehn Jahren.
tech|Das Technologieunternehmen {ORG} hat am {DATE} ein neues Rechenzentrum bei {CITY} vorgestellt.
tech|Das Projekt soll {NUMBER} Arbeitsplätze schaffen, Kritiker sorgen sich jedoch um den Wasser- und Stromverbrauch.
tech|[Vorstandschef|Vorstandschefin] {PERSON} sagte, der Standort werde bis zum Ende des Jahrzehnts vollständig mit erneuerbarer Energie betrieben.
tech|Ein Softwarefehler am {DATE} hat {NUMBER} Nutzer stundenlang vom Onlinebanking ausgesperrt.
tech|Die Aufsichtsbehörden in {CITY} verlangen binnen zwei Wochen einen vollständigen Bericht über den Vorfall.
tech|Sicherheitsforscher erklärten, der Ausfall sei durch ein Update und nicht durch einen Angriff verursacht worden.
generic|Die Ankündigung kam am {DATE}, nach wochenlangen Spekulationen in den lokalen Medien.
generic|„Wir tun alles, was wir können, aber die Menschen müssen Geduld haben“, sagte {PERSON}.
generic|Lokale Zeitungen berichteten, dass innerhalb von zwei Tagen {NUMBER} Menschen eine Petition unterschrieben hätten.
generic|Ein Sprecher von {ORG} wollte sich auf Anfrage am {DATE} nicht äußern.
generic|Das Thema spaltet die Meinungen in {CITY}, wo sich viele Einwohner übergangen fühlen.
generic|Die Behörden versprachen bis zum Ende der Woche neue Informationen.
generic|Nach Einschätzung von {ORG} könnten sich die Gesamtkosten auf mehr als {NUMBER} Euro belaufen.
generic|{PERSON} hatte bereits im vergangenen Herbst in einem Interview auf die Lage aufmerksam gemacht.
generic|Die Opposition forderte eine unabhängige Untersuchung und erklärte, die Öffentlichkeit habe ein Recht auf Antworten.
generic|Ähnliche Probleme meldeten landesweit {NUMBER} Unternehmen.
generic|Die Einwohner von {CITY} wurden für den {DATE} zu einer Bürgerversammlung eingeladen, um über die nächsten Schritte zu sprechen.
generic|Experten zufolge werden die kommenden Tage für {CITY} entscheidend sein.
"""

_SENTENCES["ru"] = """\
floods|Ночью сильный дождь затопил значительную часть города {CITY}, спасатели эвакуировали из домов {NUMBER} жителей.
floods|Утром {DATE} около {NUMBER} домохозяйств всё ещё оставались без электричества и чистой питьевой воды.
floods|Мэр {PERSON} [объявил|объявила] режим чрезвычайной ситуации и [призвал|призвала] жителей не приближаться к низинным районам у реки.
floods|Волонтёры компании {ORG} раздавали мешки с песком и одеяла в трёх школах, превращённых во временные убежища.
floods|Синоптики предупредили, что до {DATE} ожидаются новые дожди и уровень воды может снова подняться.
floods|По данным местных властей, в городе {CITY} повреждено {NUMBER} зданий, их должны осмотреть инженеры.
courts|Суд города {CITY} {DATE} вынес приговор по делу о мошенничестве с госконтрактами: {PERSON} [получил|получила] реальный срок.
courts|По данным прокуратуры, за четыре года схема обошлась налогоплательщикам как минимум в {NUMBER} евро.
courts|Защита настаивала, что каждый платёж одобряла компания {ORG}, и объявила о намерении подать апелляцию.
courts|Судья отметил, что в ходе процесса было изучено более {NUMBER} страниц документов.
courts|У здания суда {PERSON} [заявил|заявила] журналистам, что приговор носит политический характер и будет отменён.
courts|Рассмотрение апелляции назначено на {DATE} в областном суде города {CITY}.
elections|Явка на местных выборах в городе {CITY} стала рекордной: проголосовали на {NUMBER} избирателей больше, чем четыре года назад.
elections|{PERSON} [объявил|объявила] о победе вскоре после полуночи и [пообещал|пообещала] сократить очереди в госучреждениях.
elections|Официальные результаты опубликуют {DATE}, после подсчёта голосов, поданных по почте.
elections|Опрос компании {ORG} предсказывал куда более напряжённую борьбу между двумя лидерами гонки.
elections|Наблюдатели зафиксировали {NUMBER} жалоб на длинные очереди и нехватку бюллетеней на избирательных участках.
elections|Ожидается, что новый совет проведёт первое заседание {DATE} и изберёт председателя.
ports|Портовые рабочие в городе {CITY} {DATE} начали забастовку из-за зарплат и ночных смен.
ports|Разгрузки ожидают около {NUMBER} контейнеров, несколько судов перенаправлены в другие порты.
ports|Оператор порта, компания {ORG}, сообщил, что предложил новый договор, и назвал забастовку безответственной.
ports|Глава профсоюза {PERSON} [заявил|заявила], что рабочие будут бастовать, пока руководство не вернётся за стол переговоров.
ports|Ритейлеры предупредили, что если конфликт затянется, полки магазинов могут опустеть до {DATE}.
ports|В прошлом году порт принял {NUMBER} судов и вошёл в число самых загруженных в регионе.
energy|Цены на электроэнергию в городе {CITY} резко выросли {DATE} после того, как похолодание подстегнуло спрос.
energy|Поставщик, компания {ORG}, сообщил, что со следующего месяца повысит тариф для домохозяйств.
energy|По данным обществ защиты прав потребителей, за помощью в оплате счетов уже обратились около {NUMBER} клиентов.
energy|Министр энергетики {PERSON} [пообещал|пообещала] временно ограничить цены и [сообщил|сообщила], что решение будет принято до {DATE}.
energy|По словам аналитиков, слабый ветер и обмелевшие водохранилища сократили предложение во всём регионе.
energy|Прошлой зимой около {NUMBER} семей перешли на дровяные печи, чтобы сэкономить.
sports|Финал в городе {CITY} {DATE} посетили {NUMBER} зрителей — рекорд турнира.
sports|{PERSON} дважды [забил|забила] во втором тайме и [был признан|была признана] лучшим игроком матча.
sports|Спонсор клуба, компания {ORG}, объявил о премии для каждого игрока команды.
sports|Болельщики праздновали в центре города {CITY} до утра, полиция серьёзных происшествий не зафиксировала.
sports|Билеты на следующий домашний матч {DATE} были распроданы за час.
sports|В клубе сообщили, что уже продали {NUMBER} абонементов на следующий сезон.
health|Больницы города {CITY} {DATE} отложили плановые операции из-за роста заболеваемости гриппом.
health|За одну неделю врачи приняли {NUMBER} пациентов с респираторными инфекциями.
health|Главный врач {PERSON} [призвал|призвала] пожилых людей привиться и оставаться дома во время болезни.
health|Медицинское ведомство {ORG} открыло два дополнительных пункта вакцинации и продлило часы их работы.
health|Аптеки сообщили о нехватке некоторых антибиотиков, новые поставки ожидаются не раньше {DATE}.
health|Очередь в областную больницу выросла до {NUMBER} человек — это максимум за десять лет.
tech|Технологическая компания {ORG} {DATE} представила новый центр обработки данных под городом {CITY}.
tech|Проект создаст {NUMBER} рабочих мест, однако критики беспокоятся о потреблении воды и электроэнергии.
tech|Генеральный директор {PERSON} [заявил|заявила], что к концу десятилетия объект полностью перейдёт на возобновляемую энергию.
tech|Из-за программного сбоя {DATE} {NUMBER} пользователей на несколько часов лишились доступа к онлайн-банку.
tech|Регуляторы в городе {CITY} потребовали в течение двух недель представить полный отчёт об инциденте.
tech|Специалисты по кибербезопасности заявили, что сбой вызвало обновление, а не атака.
generic|Заявление прозвучало {DATE}, после нескольких недель спекуляций в местных СМИ.
generic|«Мы делаем всё возможное, но людям нужно набраться терпения», — [сказал|сказала] {PERSON}.
generic|Местные газеты сообщили, что за два дня петицию подписали {NUMBER} человек.
generic|Представитель компании {ORG} отказался от комментариев, когда с ним связались {DATE}.
generic|Этот вопрос расколол жителей города {CITY}, многие из которых считают, что их мнения не спросили.
generic|Чиновники пообещали сообщить новые подробности до конца недели.
generic|По оценке компании {ORG}, общие расходы могут превысить {NUMBER} евро.
generic|{PERSON} впервые [высказал|высказала] опасения по поводу ситуации в интервью прошлой осенью.
generic|Оппозиция потребовала независимого расследования, заявив, что общество заслуживает ответов.
generic|О похожих проблемах сообщили {NUMBER} предприятий по всей стране.
generic|Жителей города {CITY} пригласили {DATE} на общественное собрание, чтобы обсудить дальнейшие шаги.
generic|По мнению экспертов, ближайшие дни станут решающими для города {CITY}.
"""

_SENTENCES["no"] = """\
floods|Kraftig regn i natt satte store deler av {CITY} under vann, og redningsmannskaper evakuerte {NUMBER} beboere fra hjemmene sine.
floods|Om morgenen {DATE} var fortsatt rundt {NUMBER} husstander uten strøm eller rent drikkevann.
floods|Ordfører {PERSON} erklærte unntakstilstand og ba folk holde seg unna de lavtliggende bydelene ved elva.
floods|Frivillige fra {ORG} delte ut sandsekker og pledd på tre skoler som var gjort om til tilfluktsrom.
floods|Meteorologene advarte om at det var ventet mer regn før {DATE}, og at vannstanden kunne stige igjen.
floods|Lokale myndigheter opplyste at {NUMBER} bygninger i {CITY} var skadet og måtte inspiseres av ingeniører.
courts|En domstol i {CITY} dømte {DATE} {PERSON} til fengsel for bedrageri knyttet til offentlige kontrakter.
courts|Ifølge påtalemyndigheten kostet opplegget skattebetalerne minst {NUMBER} euro over fire år.
courts|Forsvareren hevdet at {ORG} hadde godkjent hver eneste utbetaling, og varslet anke.
courts|Dommeren påpekte at mer enn {NUMBER} sider med dokumenter var gjennomgått under rettssaken.
courts|Utenfor tinghuset sa {PERSON} til journalister at dommen var politisk og ikke ville bli stående.
courts|Ankesaken skal etter planen behandles {DATE} i lagmannsretten i {CITY}.
elections|Valgdeltakelsen ved lokalvalget i {CITY} var rekordhøy, med {NUMBER} flere velgere enn for fire år siden.
elections|{PERSON} erklærte seier like etter midnatt og lovet kortere ventetid på offentlige kontorer.
elections|Det offisielle resultatet blir offentliggjort {DATE}, etter at poststemmene er talt opp.
elections|En måling fra {ORG} hadde spådd et langt jevnere løp mellom de to ledende kandidatene.
elections|Valgobservatører rapporterte om {NUMBER} klager på lange køer og manglende stemmesedler i valglokalene.
elections|Det nye bystyret skal etter planen ha sitt første møte {DATE} og velge en leder.
ports|Havnearbeiderne i {CITY} gikk {DATE} ut i streik i protest mot lønn og nattskift.
ports|Rundt {NUMBER} containere venter på å bli losset, og flere skip er omdirigert til andre havner.
ports|Operatøren {ORG} sa at selskapet hadde tilbudt en ny avtale, og kalte streiken uansvarlig.
ports|Fagforeningsleder {PERSON} sa at arbeiderne ville streike til ledelsen kom tilbake til forhandlingsbordet.
ports|Handelsnæringen advarte om at hyllene kunne bli tomme før {DATE} dersom konflikten fortsatte.
ports|I fjor tok havnen imot {NUMBER} skip, noe som gjør den til en av de travleste i regionen.
energy|Strømprisene i {CITY} steg kraftig {DATE} etter at en kuldeperiode presset etterspørselen opp.
energy|Leverandøren {ORG} varslet at selskapet vil heve prisen for husholdninger fra neste måned.
energy|Ifølge forbrukerorganisasjoner har rundt {NUMBER} kunder allerede bedt om hjelp med strømregningen.
energy|Energiminister {PERSON} lovet et midlertidig pristak og sa at en beslutning ville komme innen {DATE}.
energy|Analytikere pekte på at lite vind og tomme vannmagasiner hadde redusert tilbudet i hele regionen.
energy|Rundt {NUMBER} familier gikk over til vedovn i fjor vinter for å spare penger.
sports|Finalen i {CITY} {DATE} trakk {NUMBER} tilskuere, ny rekord for turneringen.
sports|{PERSON} scoret to ganger i andre omgang og ble kåret til banens beste.
sports|Klubbens sponsor {ORG} varslet en bonus til hver spiller i troppen.
sports|Supporterne feiret i sentrum av {CITY} til langt på natt, og politiet meldte ikke om alvorlige hendelser.
sports|Billettene til neste hjemmekamp {DATE} ble utsolgt på en time.
sports|Klubben opplyste at den allerede hadde solgt {NUMBER} sesongkort for neste år.
health|Sykehusene i {CITY} utsatte {DATE} planlagte operasjoner fordi influensatilfellene økte.
health|Legene behandlet {NUMBER} pasienter med luftveisinfeksjoner på én enkelt uke.
health|Overlege {PERSON} oppfordret eldre til å vaksinere seg og holde seg hjemme når de er syke.
health|Helsemyndigheten {ORG} åpnet to ekstra vaksinasjonssentre og utvidet åpningstidene.
health|Apotekene meldte om mangel på enkelte antibiotika, og nye leveranser ventes ikke før {DATE}.
health|Ventelistene ved regionsykehuset har vokst til {NUMBER} personer, det høyeste tallet på ti år.
tech|Teknologiselskapet {ORG} presenterte {DATE} et nytt datasenter like ved {CITY}.
tech|Prosjektet skal skape {NUMBER} arbeidsplasser, men kritikere er bekymret for vann- og strømforbruket.
tech|Konsernsjef {PERSON} sa at anlegget skal gå utelukkende på fornybar energi innen utgangen av tiåret.
tech|En programvarefeil {DATE} gjorde at {NUMBER} brukere ikke fikk logget inn i nettbanken på flere timer.
tech|Tilsynsmyndighetene i {CITY} har bedt om en full rapport om hendelsen innen to uker.
tech|Sikkerhetsforskere sa at bruddet skyldtes en oppdatering, ikke et angrep.
generic|Kunngjøringen kom {DATE}, etter ukevis med spekulasjoner i lokale medier.
generic|«Vi gjør alt vi kan, men folk må være tålmodige», sa {PERSON}.
generic|Lokalaviser meldte at {NUMBER} personer hadde skrevet under på et opprop i løpet av to dager.
generic|En talsperson for {ORG} ønsket ikke å kommentere saken da vi kontaktet dem {DATE}.
generic|Saken har splittet folk i {CITY}, der mange innbyggere føler at de ikke ble hørt.
generic|Myndighetene lovet en oppdatering innen utgangen av uken.
generic|Ifølge {ORG} kan den samlede kostnaden overstige {NUMBER} euro.
generic|{PERSON} tok først opp bekymringene i et intervju i fjor høst.
generic|Opposisjonen krevde en uavhengig gransking og sa at offentligheten fortjente svar.
generic|Lignende problemer ble meldt av {NUMBER} bedrifter over hele landet.
generic|Innbyggerne i {CITY} ble invitert til et folkemøte {DATE} for å diskutere veien videre.
generic|Eksperter mener de kommende dagene blir avgjørende for {CITY}.
"""

_SENTENCES["fr"] = """\
floods|De fortes pluies ont inondé cette nuit une grande partie de {CITY}, et les secours ont évacué {NUMBER} habitants de leurs logements.
floods|Au matin du {DATE}, environ {NUMBER} foyers étaient toujours privés d'électricité et d'eau potable.
floods|[Le maire|La maire] {PERSON} a décrété l'état d'urgence et demandé aux habitants d'éviter les quartiers bas proches de la rivière.
floods|Des bénévoles de {ORG} ont distribué des sacs de sable et des couvertures dans trois écoles transformées en abris.
floods|Les prévisionnistes ont averti que d'autres pluies étaient attendues avant le {DATE} et que le niveau de l'eau pourrait remonter.
floods|Selon les autorités locales, {NUMBER} bâtiments ont été endommagés à {CITY} et devront être inspectés par des ingénieurs.
courts|Un tribunal de {CITY} a condamné le {DATE} {PERSON} à une peine de prison pour fraude aux marchés publics.
courts|Selon le parquet, le système a coûté au moins {NUMBER} euros aux contribuables en quatre ans.
courts|La défense a fait valoir que {ORG} avait approuvé chaque paiement et a annoncé qu'elle ferait appel.
courts|Le juge a souligné que plus de {NUMBER} pages de documents avaient été examinées pendant le procès.
courts|Devant le palais de justice, {PERSON} a déclaré aux journalistes que le verdict était politique et ne tiendrait pas.
courts|L'audience en appel est prévue le {DATE} devant la cour régionale de {CITY}.
elections|La participation aux élections locales à {CITY} a atteint un record, avec {NUMBER} électeurs de plus qu'il y a quatre ans.
elections|{PERSON} a revendiqué la victoire peu après minuit et promis de réduire l'attente dans les services publics.
elections|Les résultats officiels seront publiés le {DATE}, après le dépouillement des votes par correspondance.
elections|Un sondage de {ORG} prévoyait une course beaucoup plus serrée entre les deux principaux candidats.
elections|Les observateurs ont signalé {NUMBER} plaintes concernant de longues files d'attente et des bulletins manquants dans les bureaux de vote.
elections|Le nouveau conseil devrait tenir sa première séance le {DATE} et élire un président.
ports|Les dockers du port de {CITY} se sont mis en grève le {DATE} pour des questions de salaires et de travail de nuit.
ports|Environ {NUMBER} conteneurs attendent d'être déchargés et plusieurs navires ont été déroutés vers d'autres ports.
ports|L'opérateur {ORG} a indiqué avoir proposé un nouveau contrat et a qualifié la grève d'irresponsable.
ports|[Le dirigeant syndical|La dirigeante syndicale] {PERSON} a déclaré que les salariés resteraient en grève jusqu'au retour de la direction à la table des négociations.
ports|Les distributeurs ont averti que les rayons pourraient se vider avant le {DATE} si le conflit se prolongeait.
ports|L'an dernier, le port a accueilli {NUMBER} navires, ce qui en fait l'un des plus actifs de la région.
energy|Les prix de l'électricité à {CITY} ont fortement augmenté le {DATE}, une vague de froid ayant fait grimper la demande.
energy|Le fournisseur {ORG} a annoncé qu'il augmenterait son tarif pour les ménages à partir du mois prochain.
energy|Selon les associations de consommateurs, environ {NUMBER} clients ont déjà demandé de l'aide pour payer leurs factures.
energy|[Le ministre|La ministre] de l'Énergie {PERSON} a promis un plafonnement temporaire des prix et une décision d'ici au {DATE}.
energy|Selon les analystes, le manque de vent et des réservoirs à sec ont réduit l'offre dans toute la région.
energy|L'hiver dernier, quelque {NUMBER} familles sont passées au poêle à bois pour faire des économies.
sports|La finale disputée à {CITY} le {DATE} a attiré {NUMBER} spectateurs, un record pour le tournoi.
sports|{PERSON} a marqué deux fois en seconde période et a été [élu meilleur joueur|élue meilleure joueuse] du match.
sports|Le sponsor du club, {ORG}, a annoncé une prime pour chaque joueur de l'effectif.
sports|Les supporters ont fait la fête dans le centre de {CITY} jusqu'au petit matin, et la police n'a signalé aucun incident grave.
sports|Les billets pour le prochain match à domicile, le {DATE}, se sont arrachés en une heure.
sports|Le club a indiqué avoir déjà vendu {NUMBER} abonnements pour l'an prochain.
health|Les hôpitaux de {CITY} ont reporté le {DATE} des opérations programmées en raison de la hausse des cas de grippe.
health|Les médecins ont soigné {NUMBER} patients atteints d'infections respiratoires en une seule semaine.
health|[Le médecin-chef|La médecin-cheffe] {PERSON} a exhorté les personnes âgées à se faire vacciner et à rester chez elles en cas de maladie.
health|L'autorité sanitaire {ORG} a ouvert deux centres de vaccination supplémentaires et élargi leurs horaires.
health|Les pharmacies ont signalé des pénuries de certains antibiotiques, et de nouvelles livraisons ne sont pas attendues avant le {DATE}.
health|Les listes d'attente de l'hôpital régional atteignent désormais {NUMBER} personnes, un record en dix ans.
tech|L'entreprise technologique {ORG} a présenté le {DATE} un nouveau centre de données près de {CITY}.
tech|Le projet doit créer {NUMBER} emplois, mais ses détracteurs s'inquiètent de sa consommation d'eau et d'électricité.
tech|[Le directeur général|La directrice générale] {PERSON} a assuré que le site fonctionnerait entièrement aux énergies renouvelables d'ici la fin de la décennie.
tech|Une panne logicielle survenue le {DATE} a empêché {NUMBER} utilisateurs d'accéder à leur banque en ligne pendant plusieurs heures.
tech|Les régulateurs de {CITY} ont exigé un rapport complet sur l'incident dans un délai de deux semaines.
tech|Des chercheurs en sécurité ont indiqué que la panne était due à une mise à jour et non à une attaque.
generic|L'annonce est intervenue le {DATE}, après des semaines de spéculations dans les médias locaux.
generic|« Nous faisons tout ce que nous pouvons, mais les gens doivent être patients », a déclaré {PERSON}.
generic|La presse locale a rapporté que {NUMBER} personnes avaient signé une pétition en deux jours.
generic|Un porte-parole de {ORG} n'a pas souhaité faire de commentaire lorsqu'il a été contacté le {DATE}.
generic|Le sujet divise à {CITY}, où de nombreux habitants estiment ne pas avoir été consultés.
generic|Les autorités ont promis un point de situation d'ici la fin de la semaine.
generic|Selon {ORG}, le coût total pourrait dépasser {NUMBER} euros.
generic|{PERSON} avait exprimé ses inquiétudes pour la première fois dans une interview l'automne dernier.
generic|L'opposition a réclamé une enquête indépendante, estimant que le public méritait des réponses.
generic|Des problèmes similaires ont été signalés par {NUMBER} entreprises dans tout le pays.
generic|Les habitants de {CITY} ont été invités à une réunion publique le {DATE} pour discuter de la suite.
generic|Selon les experts, les prochains jours seront décisifs pour {CITY}.
"""

_SENTENCES["es"] = """\
floods|Las fuertes lluvias de la noche inundaron gran parte de {CITY} y los servicios de rescate evacuaron a {NUMBER} vecinos de sus casas.
floods|En la mañana del {DATE}, unos {NUMBER} hogares seguían sin electricidad ni agua potable.
floods|[El alcalde|La alcaldesa] {PERSON} declaró el estado de emergencia y pidió a la población que evitara los barrios bajos junto al río.
floods|Voluntarios de {ORG} repartieron sacos de arena y mantas en tres colegios convertidos en refugios.
floods|Los meteorólogos advirtieron de que se esperaban más lluvias antes del {DATE} y de que el nivel del agua podría volver a subir.
floods|Según las autoridades locales, {NUMBER} edificios resultaron dañados en {CITY} y deberán ser inspeccionados por ingenieros.
courts|Un tribunal de {CITY} condenó el {DATE} a {PERSON} a prisión por fraude en contratos públicos.
courts|Según la fiscalía, la trama costó a los contribuyentes al menos {NUMBER} euros en cuatro años.
courts|La defensa alegó que {ORG} había aprobado cada pago y anunció que recurriría la sentencia.
courts|El juez señaló que durante el juicio se habían examinado más de {NUMBER} páginas de documentos.
courts|A las puertas del juzgado, {PERSON} dijo a los periodistas que el veredicto era político y no se sostendría.
courts|La vista de apelación está prevista para el {DATE} en el tribunal regional de {CITY}.
elections|La participación en las elecciones locales de {CITY} alcanzó un récord, con {NUMBER} votantes más que hace cuatro años.
elections|{PERSON} se proclamó [vencedor|vencedora] poco después de la medianoche y prometió reducir las esperas en las oficinas públicas.
elections|Los resultados oficiales se publicarán el {DATE}, una vez contados los votos por correo.
elections|Una encuesta de {ORG} había pronosticado una carrera mucho más reñida entre los dos principales candidatos.
elections|Los observadores registraron {NUMBER} quejas por largas colas y falta de papeletas en los colegios electorales.
elections|Se espera que el nuevo consejo celebre su primera sesión el {DATE} y elija a un presidente.
ports|Los estibadores del puerto de {CITY} iniciaron el {DATE} una huelga por los salarios y los turnos de noche.
ports|Unos {NUMBER} contenedores esperan a ser descargados y varios buques han sido desviados a otros puertos.
ports|La operadora {ORG} afirmó haber ofrecido un nuevo convenio y calificó la huelga de irresponsable.
ports|[El líder sindical|La líder sindical] {PERSON} aseguró que los trabajadores seguirán en huelga hasta que la dirección vuelva a la mesa.
ports|Los comercios advirtieron de que las estanterías podrían vaciarse antes del {DATE} si el conflicto continuaba.
ports|El año pasado el puerto recibió {NUMBER} buques, lo que lo convierte en uno de los más activos de la región.
energy|Los precios de la electricidad en {CITY} subieron con fuerza el {DATE}, después de que una ola de frío disparara la demanda.
energy|La comercializadora {ORG} anunció que subirá su tarifa para los hogares a partir del próximo mes.
energy|Según las asociaciones de consumidores, unos {NUMBER} clientes ya han pedido ayuda para pagar sus facturas.
energy|[El ministro|La ministra] de Energía {PERSON} prometió un tope temporal de precios y dijo que habrá una decisión antes del {DATE}.
energy|Según los analistas, la falta de viento y los embalses secos han reducido la oferta en toda la región.
energy|El invierno pasado, unas {NUMBER} familias se pasaron a las estufas de leña para ahorrar dinero.
sports|La final de {CITY} del {DATE} reunió a {NUMBER} espectadores, un récord para el torneo.
sports|{PERSON} marcó dos goles en la segunda parte y fue [elegido mejor jugador|elegida mejor jugadora] del partido.
sports|El patrocinador del club, {ORG}, anunció una prima para cada jugador de la plantilla.
sports|Los aficionados celebraron en el centro de {CITY} hasta la madrugada y la policía no registró incidentes graves.
sports|Las entradas para el próximo partido en casa, el {DATE}, se agotaron en una hora.
sports|El club informó de que ya ha vendido {NUMBER} abonos para el año que viene.
health|Los hospitales de {CITY} aplazaron el {DATE} las operaciones programadas por el aumento de los casos de gripe.
health|Los médicos atendieron a {NUMBER} pacientes con infecciones respiratorias en una sola semana.
health|[El jefe médico|La jefa médica] {PERSON} instó a las personas mayores a vacunarse y a quedarse en casa cuando estén enfermas.
health|La autoridad sanitaria {ORG} abrió dos centros de vacunación adicionales y amplió su horario.
health|Las farmacias informaron de la escasez de algunos antibióticos y no se esperan nuevas entregas antes del {DATE}.
health|Las listas de espera del hospital regional han crecido hasta {NUMBER} personas, la cifra más alta en una década.
tech|La tecnológica {ORG} presentó el {DATE} un nuevo centro de datos cerca de {CITY}.
tech|El proyecto creará {NUMBER} empleos, aunque los críticos temen por su consumo de agua y electricidad.
tech|[El consejero delegado|La consejera delegada] {PERSON} afirmó que las instalaciones funcionarán solo con energía renovable antes de que acabe la década.
tech|Un fallo informático el {DATE} dejó a {NUMBER} usuarios sin acceso a la banca en línea durante varias horas.
tech|Los reguladores de {CITY} han pedido un informe completo sobre el incidente en un plazo de dos semanas.
tech|Investigadores de seguridad señalaron que la caída se debió a una actualización y no a un ataque.
generic|El anuncio llegó el {DATE}, tras semanas de especulaciones en los medios locales.
generic|«Estamos haciendo todo lo posible, pero la gente tiene que tener paciencia», dijo {PERSON}.
generic|Los periódicos locales informaron de que {NUMBER} personas habían firmado una petición en dos días.
generic|Un portavoz de {ORG} declinó hacer comentarios cuando se le contactó el {DATE}.
generic|El asunto ha dividido a la opinión pública en {CITY}, donde muchos vecinos sienten que no se les consultó.
generic|Las autoridades prometieron nuevos datos antes de que acabe la semana.
generic|Según {ORG}, el coste total podría superar los {NUMBER} euros.
generic|{PERSON} expresó por primera vez su preocupación por la situación en una entrevista el otoño pasado.
generic|La oposición pidió una investigación independiente y afirmó que la ciudadanía merece respuestas.
generic|Un total de {NUMBER} empresas de todo el país informaron de problemas similares.
generic|Los vecinos de {CITY} fueron convocados a una reunión pública el {DATE} para debatir los próximos pasos.
generic|Según los expertos, los próximos días serán decisivos para {CITY}.
"""

_SENTENCES["uk"] = """\
floods|Уночі сильна злива затопила значну частину міста {CITY}, рятувальники евакуювали з домівок {NUMBER} мешканців.
floods|Уранці {DATE} близько {NUMBER} домогосподарств досі залишалися без електрики та чистої питної води.
floods|Міський голова {PERSON} [оголосив|оголосила] надзвичайний стан і [закликав|закликала] людей уникати низинних районів біля річки.
floods|Волонтери компанії {ORG} роздавали мішки з піском і ковдри у трьох школах, перетворених на тимчасові укриття.
floods|Синоптики попередили, що до {DATE} очікуються нові дощі й рівень води може знову піднятися.
floods|За даними місцевої влади, у місті {CITY} пошкоджено {NUMBER} будівель, їх мають оглянути інженери.
courts|Суд міста {CITY} {DATE} ухвалив вирок у справі про шахрайство з державними контрактами: {PERSON} [отримав|отримала] реальний термін.
courts|За даними прокуратури, за чотири роки схема коштувала платникам податків щонайменше {NUMBER} євро.
courts|Захист наполягав, що кожен платіж схвалювала компанія {ORG}, і оголосив про намір подати апеляцію.
courts|Суддя зазначив, що під час процесу було вивчено понад {NUMBER} сторінок документів.
courts|Біля будівлі суду {PERSON} [заявив|заявила] журналістам, що вирок має політичний характер і буде скасований.
courts|Розгляд апеляції призначено на {DATE} в обласному суді міста {CITY}.
elections|Явка на місцевих виборах у місті {CITY} стала рекордною: проголосувало на {NUMBER} виборців більше, ніж чотири роки тому.
elections|{PERSON} [оголосив|оголосила] про перемогу невдовзі після півночі й [пообіцяв|пообіцяла] скоротити черги в державних установах.
elections|Офіційні результати оприлюднять {DATE}, після підрахунку голосів, поданих поштою.
elections|Опитування компанії {ORG} передбачало значно напруженішу боротьбу між двома лідерами перегонів.
elections|Спостерігачі зафіксували {NUMBER} скарг на довгі черги та брак бюлетенів на виборчих дільницях.
elections|Очікується, що нова рада проведе перше засідання {DATE} й обере голову.
ports|Портові працівники в місті {CITY} {DATE} розпочали страйк через зарплати та нічні зміни.
ports|Розвантаження чекають близько {NUMBER} контейнерів, кілька суден перенаправлено до інших портів.
ports|Оператор порту, компанія {ORG}, повідомив, що запропонував новий договір, і назвав страйк безвідповідальним.
ports|Голова профспілки {PERSON} [заявив|заявила], що робітники страйкуватимуть, доки керівництво не повернеться за стіл переговорів.
ports|Рітейлери попередили, що в разі затягування конфлікту полиці магазинів можуть спорожніти до {DATE}.
ports|Торік порт прийняв {NUMBER} суден і став одним із найзавантаженіших у регіоні.
energy|Ціни на електроенергію в місті {CITY} різко зросли {DATE} після того, як похолодання підштовхнуло попит.
energy|Постачальник, компанія {ORG}, повідомив, що з наступного місяця підвищить тариф для домогосподарств.
energy|За даними організацій захисту прав споживачів, по допомогу з оплатою рахунків уже звернулися близько {NUMBER} клієнтів.
energy|Міністр енергетики {PERSON} [пообіцяв|пообіцяла] тимчасово обмежити ціни й [повідомив|повідомила], що рішення ухвалять до {DATE}.
energy|За словами аналітиків, слабкий вітер і обмілілі водосховища скоротили пропозицію в усьому регіоні.
energy|Минулої зими близько {NUMBER} родин перейшли на дров'яні печі, щоб заощадити.
sports|Фінал у місті {CITY} {DATE} відвідали {NUMBER} глядачів — рекорд турніру.
sports|{PERSON} двічі [забив|забила] в другому таймі й [був визнаний|була визнана] найкращим гравцем матчу.
sports|Спонсор клубу, компанія {ORG}, оголосив про премію для кожного гравця команди.
sports|Уболівальники святкували в центрі міста {CITY} до ранку, поліція серйозних інцидентів не зафіксувала.
sports|Квитки на наступний домашній матч {DATE} розкупили за годину.
sports|У клубі повідомили, що вже продали {NUMBER} абонементів на наступний сезон.
health|Лікарні міста {CITY} {DATE} відклали планові операції через зростання захворюваності на грип.
health|За один тиждень лікарі прийняли {NUMBER} пацієнтів із респіраторними інфекціями.
health|Головний лікар {PERSON} [закликав|закликала] людей похилого віку щепитися й залишатися вдома під час хвороби.
health|Медичне відомство {ORG} відкрило два додаткові пункти вакцинації й подовжило години їхньої роботи.
health|Аптеки повідомили про брак деяких антибіотиків, нові поставки очікуються не раніше {DATE}.
health|Черга до обласної лікарні зросла до {NUMBER} осіб — це максимум за десять років.
tech|Технологічна компанія {ORG} {DATE} представила новий центр обробки даних під містом {CITY}.
tech|Проєкт створить {NUMBER} робочих місць, однак критики непокояться через споживання води та електроенергії.
tech|Генеральний директор {PERSON} [заявив|заявила], що до кінця десятиліття об'єкт повністю перейде на відновлювану енергію.
tech|Через програмний збій {DATE} {NUMBER} користувачів на кілька годин втратили доступ до онлайн-банкінгу.
tech|Регулятори в місті {CITY} вимагають протягом двох тижнів подати повний звіт про інцидент.
tech|Фахівці з кібербезпеки заявили, що збій спричинило оновлення, а не атака.
generic|Заява пролунала {DATE}, після кількох тижнів спекуляцій у місцевих ЗМІ.
generic|«Ми робимо все можливе, але людям треба набратися терпіння», — [сказав|сказала] {PERSON}.
generic|Місцеві газети повідомили, що за два дні петицію підписали {NUMBER} осіб.
generic|Представник компанії {ORG} відмовився від коментарів, коли з ним зв'язалися {DATE}.
generic|Це питання розкололо мешканців міста {CITY}, багато з яких вважають, що з ними не порадилися.
generic|Посадовці пообіцяли повідомити нові подробиці до кінця тижня.
generic|За оцінкою компанії {ORG}, загальні витрати можуть перевищити {NUMBER} євро.
generic|{PERSON} уперше [висловив|висловила] занепокоєння ситуацією в інтерв'ю минулої осені.
generic|Опозиція вимагала незалежного розслідування, заявивши, що суспільство заслуговує на відповіді.
generic|Про схожі проблеми повідомили {NUMBER} підприємств по всій країні.
generic|Мешканців міста {CITY} запросили {DATE} на громадські збори, щоб обговорити подальші кроки.
generic|На думку експертів, найближчі дні стануть вирішальними для міста {CITY}.
"""

# Two headline templates per domain ("generic" has none), same order in every language.
_HEADLINES["en"] = """\
floods|Floods force {NUMBER} residents from their homes in {CITY}
floods|State of emergency declared in {CITY} as river keeps rising
courts|{PERSON} sentenced to prison in {CITY} fraud case
courts|Court in {CITY} hands down verdict in public contracts scandal
elections|{PERSON} claims victory in {CITY} local election
elections|Record turnout in {CITY} as {NUMBER} more voters cast ballots
ports|Dock strike paralyses port of {CITY}
ports|{NUMBER} containers stuck as port workers walk out
energy|Electricity prices soar in {CITY} after cold snap
energy|{ORG} raises household tariffs as minister promises price cap
sports|{PERSON} scores twice as {CITY} final draws record crowd
sports|Fans celebrate through the night in {CITY}
health|Flu wave forces hospitals in {CITY} to postpone operations
health|Waiting lists reach {NUMBER} as doctors urge vaccination
tech|{ORG} unveils new data centre near {CITY}
tech|Software fault locks {NUMBER} users out of online banking
"""

_HEADLINES["de"] = """\
floods|Hochwasser in {CITY}: {NUMBER} Bewohner müssen ihre Häuser verlassen
floods|Notstand in {CITY} ausgerufen – der Fluss steigt weiter
courts|Betrugsprozess in {CITY}: Haftstrafe für {PERSON}
courts|Urteil im Skandal um öffentliche Aufträge in {CITY}
elections|Kommunalwahl in {CITY}: {PERSON} reklamiert den Sieg für sich
elections|Rekordbeteiligung in {CITY}: {NUMBER} Wähler mehr als beim letzten Mal
ports|Hafenstreik legt {CITY} lahm
ports|{NUMBER} Container stecken fest: Hafenarbeiter im Ausstand
energy|Strompreise in {CITY} schießen nach Kälteeinbruch in die Höhe
energy|{ORG} erhöht Haushaltstarife – Ministerium stellt Preisdeckel in Aussicht
sports|Doppelpack von {PERSON}: Rekordkulisse beim Finale in {CITY}
sports|Fans feiern in {CITY} die ganze Nacht
health|Grippewelle: Krankenhäuser in {CITY} verschieben Operationen
health|Wartelisten wachsen auf {NUMBER} – Ärzte rufen zur Impfung auf
tech|{ORG} stellt neues Rechenzentrum bei {CITY} vor
tech|Softwarefehler sperrt {NUMBER} Nutzer aus dem Onlinebanking aus
"""

_HEADLINES["ru"] = """\
floods|Наводнение в городе {CITY}: из домов эвакуированы {NUMBER} жителей
floods|В городе {CITY} объявлен режим ЧС: уровень воды продолжает расти
courts|Дело о мошенничестве в городе {CITY}: {PERSON} [приговорён|приговорена] к заключению
courts|Суд в городе {CITY} вынес приговор по делу о госконтрактах
elections|{PERSON} [заявил|заявила] о победе на местных выборах в городе {CITY}
elections|Рекордная явка в городе {CITY}: избирателей стало больше на {NUMBER}
ports|Забастовка докеров парализовала порт в городе {CITY}
ports|{NUMBER} контейнеров застряли в порту из-за забастовки
energy|Цены на электричество в городе {CITY} взлетели после похолодания
energy|Компания {ORG} повышает тарифы, министр обещает потолок цен
sports|Рекорд посещаемости в городе {CITY}: {PERSON} [оформил|оформила] дубль в финале
sports|Болельщики в городе {CITY} праздновали всю ночь
health|Эпидемия гриппа: больницы города {CITY} откладывают операции
health|Очередь к врачам достигла {NUMBER} человек, медики призывают прививаться
tech|Компания {ORG} представила новый дата-центр под городом {CITY}
tech|Программный сбой оставил {NUMBER} пользователей без онлайн-банка
"""

_HEADLINES["no"] = """\
floods|Flom i {CITY}: {NUMBER} beboere evakuert
floods|Unntakstilstand i {CITY} – elva fortsetter å stige
courts|{PERSON} dømt til fengsel i bedragerisak i {CITY}
courts|Dom i skandalen om offentlige kontrakter i {CITY}
elections|{PERSON} erklærer seier i lokalvalget i {CITY}
elections|Rekorddeltakelse i {CITY}: {NUMBER} flere velgere
ports|Havnestreik lammer {CITY}
ports|{NUMBER} containere står fast etter havnestreik
energy|Strømprisene i {CITY} til himmels etter kuldeknepp
energy|{ORG} øker prisene for husholdninger – statsråden lover pristak
sports|{PERSON} avgjorde finalen foran rekordpublikum i {CITY}
sports|Supporterne feiret hele natten i {CITY}
health|Influensabølge: Sykehusene i {CITY} utsetter operasjoner
health|Ventelistene når {NUMBER} – legene ber folk vaksinere seg
tech|{ORG} presenterer nytt datasenter ved {CITY}
tech|Programvarefeil stengte {NUMBER} brukere ute av nettbanken
"""

_HEADLINES["fr"] = """\
floods|Inondations à {CITY} : {NUMBER} habitants évacués
floods|État d'urgence à {CITY}, la rivière continue de monter
courts|Fraude à {CITY} : {PERSON} [condamné|condamnée] à la prison
courts|Marchés publics : le tribunal de {CITY} rend son verdict
elections|Élections locales à {CITY} : {PERSON} revendique la victoire
elections|Participation record à {CITY} : {NUMBER} électeurs de plus
ports|Une grève des dockers paralyse le port de {CITY}
ports|{NUMBER} conteneurs bloqués par la grève des dockers
energy|Les prix de l'électricité s'envolent à {CITY} après une vague de froid
energy|{ORG} augmente ses tarifs, le gouvernement promet un plafonnement
sports|Doublé de {PERSON} en finale devant un public record à {CITY}
sports|À {CITY}, les supporters font la fête toute la nuit
health|Grippe : les hôpitaux de {CITY} reportent des opérations
health|Les listes d'attente atteignent {NUMBER} personnes, les médecins appellent à se vacciner
tech|{ORG} dévoile un nouveau centre de données près de {CITY}
tech|Une panne prive {NUMBER} utilisateurs de banque en ligne
"""

_HEADLINES["es"] = """\
floods|Inundaciones en {CITY}: {NUMBER} vecinos evacuados
floods|Estado de emergencia en {CITY} ante la crecida del río
courts|{PERSON}, [condenado|condenada] a prisión por fraude en {CITY}
courts|El tribunal de {CITY} dicta sentencia en el escándalo de los contratos públicos
elections|{PERSON} se proclama [vencedor|vencedora] de las elecciones locales en {CITY}
elections|Participación récord en {CITY}: {NUMBER} votantes más
ports|Una huelga de estibadores paraliza el puerto de {CITY}
ports|{NUMBER} contenedores atrapados por la huelga portuaria
energy|Los precios de la luz se disparan en {CITY} tras la ola de frío
energy|{ORG} sube las tarifas y el Gobierno promete un tope de precios
sports|Doblete de {PERSON} en la final ante un público récord en {CITY}
sports|Los aficionados celebran toda la noche en {CITY}
health|La ola de gripe obliga a los hospitales de {CITY} a aplazar operaciones
health|Las listas de espera llegan a {NUMBER} personas y los médicos piden vacunarse
tech|{ORG} presenta un nuevo centro de datos cerca de {CITY}
tech|Un fallo informático deja a {NUMBER} usuarios sin banca en línea
"""

_HEADLINES["uk"] = """\
floods|Повінь у місті {CITY}: з домівок евакуйовано {NUMBER} мешканців
floods|У місті {CITY} оголосили надзвичайний стан: рівень води й далі зростає
courts|Справа про шахрайство в місті {CITY}: {PERSON} [засуджений|засуджена] до ув'язнення
courts|Суд у місті {CITY} ухвалив вирок у справі про держконтракти
elections|{PERSON} [заявив|заявила] про перемогу на місцевих виборах у місті {CITY}
elections|Рекордна явка в місті {CITY}: виборців побільшало на {NUMBER}
ports|Страйк докерів паралізував порт у місті {CITY}
ports|{NUMBER} контейнерів застрягли в порту через страйк
energy|Ціни на електрику в місті {CITY} злетіли після похолодання
energy|Компанія {ORG} підвищує тарифи, міністр обіцяє стелю цін
sports|Рекорд відвідуваності в місті {CITY}: {PERSON} [оформив|оформила] дубль у фіналі
sports|Уболівальники в місті {CITY} святкували всю ніч
health|Епідемія грипу: лікарні міста {CITY} відкладають операції
health|Черги до лікарів сягнули {NUMBER} осіб, медики закликають щепитися
tech|Компанія {ORG} представила новий дата-центр під містом {CITY}
tech|Програмний збій залишив {NUMBER} користувачів без онлайн-банкінгу
"""

# Slot fillers; columns follow LANGS (en|de|ru|no|fr|es|uk), persons start with gender m/f.
_PERSONS = """\
m|Martin Holm|Martin Holm|Мартин Хольм|Martin Holm|Martin Holm|Martin Holm|Мартін Гольм
f|Olena Kovalenko|Olena Kowalenko|Елена Коваленко|Olena Kovalenko|Olena Kovalenko|Olena Kovalenko|Олена Коваленко
m|Sergei Volkov|Sergej Wolkow|Сергей Волков|Sergej Volkov|Sergueï Volkov|Serguéi Vólkov|Сергій Волков
f|Ingrid Solberg|Ingrid Solberg|Ингрид Сульберг|Ingrid Solberg|Ingrid Solberg|Ingrid Solberg|Інгрід Сульберг
m|Thomas Becker|Thomas Becker|Томас Беккер|Thomas Becker|Thomas Becker|Thomas Becker|Томас Беккер
f|Claire Dubois|Claire Dubois|Клэр Дюбуа|Claire Dubois|Claire Dubois|Claire Dubois|Клер Дюбуа
m|Javier Morales|Javier Morales|Хавьер Моралес|Javier Morales|Javier Morales|Javier Morales|Хав'єр Моралес
f|Sarah Whitfield|Sarah Whitfield|Сара Уитфилд|Sarah Whitfield|Sarah Whitfield|Sarah Whitfield|Сара Вітфілд
m|Andriy Melnyk|Andrij Melnyk|Андрей Мельник|Andrij Melnyk|Andriy Melnyk|Andriy Melnyk|Андрій Мельник
f|Anna Weber|Anna Weber|Анна Вебер|Anna Weber|Anna Weber|Anna Weber|Анна Вебер
m|Lars Eriksen|Lars Eriksen|Ларс Эриксен|Lars Eriksen|Lars Eriksen|Lars Eriksen|Ларс Еріксен
f|Lucía Fernández|Lucía Fernández|Лусия Фернандес|Lucía Fernández|Lucía Fernández|Lucía Fernández|Лусія Фернандес
m|Pierre Lambert|Pierre Lambert|Пьер Ламбер|Pierre Lambert|Pierre Lambert|Pierre Lambert|П'єр Ламбер
f|Natalia Ivanova|Natalja Iwanowa|Наталья Иванова|Natalja Ivanova|Natalia Ivanova|Natalia Ivánova|Наталія Іванова
m|James Carter|James Carter|Джеймс Картер|James Carter|James Carter|James Carter|Джеймс Картер
f|Kari Nordby|Kari Nordby|Кари Нордбю|Kari Nordby|Kari Nordby|Kari Nordby|Карі Нордбю
m|Dmytro Shevchuk|Dmytro Schewtschuk|Дмитрий Шевчук|Dmytro Sjevtsjuk|Dmytro Chevtchouk|Dmitró Shevchuk|Дмитро Шевчук
f|Elena García|Elena García|Елена Гарсия|Elena García|Elena García|Elena García|Елена Гарсія
m|Klaus Richter|Klaus Richter|Клаус Рихтер|Klaus Richter|Klaus Richter|Klaus Richter|Клаус Ріхтер
f|Marie Lefèvre|Marie Lefèvre|Мари Лефевр|Marie Lefèvre|Marie Lefèvre|Marie Lefèvre|Марі Лефевр
m|Ole Haugen|Ole Haugen|Уле Хауген|Ole Haugen|Ole Haugen|Ole Haugen|Уле Гауген
f|Emily Brooks|Emily Brooks|Эмили Брукс|Emily Brooks|Emily Brooks|Emily Brooks|Емілі Брукс
m|Pavel Sokolov|Pawel Sokolow|Павел Соколов|Pavel Sokolov|Pavel Sokolov|Pável Sokolov|Павло Соколов
f|Iryna Bondar|Iryna Bondar|Ирина Бондарь|Iryna Bondar|Iryna Bondar|Iryna Bondar|Ірина Бондар
"""

_CITIES = """\
Kyiv|Kiew|Киев|Kyiv|Kiev|Kiev|Київ
Lviv|Lwiw|Львов|Lviv|Lviv|Leópolis|Львів
Odesa|Odessa|Одесса|Odesa|Odessa|Odesa|Одеса
Kharkiv|Charkiw|Харьков|Kharkiv|Kharkiv|Járkov|Харків
Dnipro|Dnipro|Днепр|Dnipro|Dnipro|Dnipró|Дніпро
Moscow|Moskau|Москва|Moskva|Moscou|Moscú|Москва
Warsaw|Warschau|Варшава|Warszawa|Varsovie|Varsovia|Варшава
Gdańsk|Danzig|Гданьск|Gdańsk|Gdańsk|Gdansk|Гданськ
Vienna|Wien|Вена|Wien|Vienne|Viena|Відень
Munich|München|Мюнхен|München|Munich|Múnich|Мюнхен
Cologne|Köln|Кёльн|Köln|Cologne|Colonia|Кельн
Hamburg|Hamburg|Гамбург|Hamburg|Hambourg|Hamburgo|Гамбург
Bergen|Bergen|Берген|Bergen|Bergen|Bergen|Берген
Tromsø|Tromsø|Тромсё|Tromsø|Tromsø|Tromsø|Тромсе
Oslo|Oslo|Осло|Oslo|Oslo|Oslo|Осло
Gothenburg|Göteborg|Гётеборг|Göteborg|Göteborg|Gotemburgo|Гетеборг
Copenhagen|Kopenhagen|Копенгаген|København|Copenhague|Copenhague|Копенгаген
Lisbon|Lissabon|Лиссабон|Lisboa|Lisbonne|Lisboa|Лісабон
Seville|Sevilla|Севилья|Sevilla|Séville|Sevilla|Севілья
Marseille|Marseille|Марсель|Marseille|Marseille|Marsella|Марсель
Geneva|Genf|Женева|Genève|Genève|Ginebra|Женева
Prague|Prag|Прага|Praha|Prague|Praga|Прага
Bucharest|Bukarest|Бухарест|Bucuresti|Bucarest|Bucarest|Бухарест
Rotterdam|Rotterdam|Роттердам|Rotterdam|Rotterdam|Róterdam|Роттердам
"""

_ORGS = """\
Nordvik Group|Nordvik-Gruppe|«Нордвик Груп»|Nordvik-konsernet|groupe Nordvik|grupo Nordvik|«Нордвік Груп»
Meridian|Meridian|«Меридиан»|Meridian|Meridian|Meridian|«Меридіан»
Voltaris|Voltaris|«Волтарис»|Voltaris|Voltaris|Voltaris|«Волтаріс»
Helix Data|Helix Data|«Хеликс Дата»|Helix Data|Helix Data|Helix Data|«Хелікс Дата»
Kestrel Partners|Kestrel Partners|«Кестрел Партнерс»|Kestrel Partners|Kestrel Partners|Kestrel Partners|«Кестрел Партнерс»
Polaris|Polaris|«Поларис»|Polaris|Polaris|Polaris|«Поларіс»
Sunhavn|Sunhavn|«Сунхавн»|Sunhavn|Sunhavn|Sunhavn|«Сунхавн»
Corvus Analytics|Corvus Analytics|«Корвус Аналитикс»|Corvus Analytics|Corvus Analytics|Corvus Analytics|«Корвус Аналітикс»
Aurelia|Aurelia|«Аурелия»|Aurelia|Aurelia|Aurelia|«Аурелія»
Tessaro|Tessaro|«Тессаро»|Tessaro|Tessaro|Tessaro|«Тессаро»
Brightwater|Brightwater|«Брайтуотер»|Brightwater|Brightwater|Brightwater|«Брайтвотер»
Lindqvist & Berg|Lindqvist & Berg|«Линдквист и Берг»|Lindqvist & Berg|Lindqvist & Berg|Lindqvist & Berg|«Ліндквіст і Берг»
"""

# Month names in the form used after a day number ("3 марта", "3 de marzo").
_MONTHS = """\
en|January February March April May June July August September October November December
de|Januar Februar März April Mai Juni Juli August September Oktober November Dezember
ru|января февраля марта апреля мая июня июля августа сентября октября ноября декабря
no|januar februar mars april mai juni juli august september oktober november desember
fr|janvier février mars avril mai juin juillet août septembre octobre novembre décembre
es|enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
uk|січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня
"""

# Site boilerplate: key|en|de|ru|no|fr|es|uk; ";" separates the items of a list.
_UI = """\
read_also|Read also:|Lesen Sie auch:|Читайте также:|Les også:|Lire aussi :|Lea también:|Читайте також:
subscribe|Subscribe to our newsletter and get the top stories every morning.|Abonnieren Sie unseren Newsletter und erhalten Sie jeden Morgen die wichtigsten Nachrichten.|Подпишитесь на нашу рассылку и получайте главные новости каждое утро.|Abonner på nyhetsbrevet vårt og få de viktigste sakene hver morgen.|Abonnez-vous à notre newsletter et recevez l'essentiel de l'actualité chaque matin.|Suscríbase a nuestro boletín y reciba las noticias más importantes cada mañana.|Підпишіться на нашу розсилку й отримуйте головні новини щоранку.
by_admin|By admin|Von admin|Автор: admin|Av admin|Par admin|Por admin|Автор: admin
disclaimer|This article was translated automatically. The original version prevails in case of discrepancies.|Dieser Artikel wurde maschinell übersetzt. Bei Abweichungen gilt die Originalfassung.|Эта статья переведена автоматически. В случае расхождений приоритет имеет оригинальная версия.|Denne artikkelen er maskinoversatt. Ved avvik gjelder originalversjonen.|Cet article a été traduit automatiquement. En cas de divergence, la version originale fait foi.|Este artículo ha sido traducido automáticamente. En caso de discrepancia, prevalece la versión original.|Цю статтю перекладено автоматично. У разі розбіжностей перевагу має оригінальна версія.
nav|Home;World;Politics;Business;Sport;Culture|Startseite;Welt;Politik;Wirtschaft;Sport;Kultur|Главная;В мире;Политика;Экономика;Спорт;Культура|Forside;Utenriks;Politikk;Økonomi;Sport;Kultur|Accueil;Monde;Politique;Économie;Sport;Culture|Portada;Internacional;Política;Economía;Deportes;Cultura|Головна;Світ;Політика;Економіка;Спорт;Культура
comment|Leave a comment|Kommentar schreiben|Оставить комментарий|Skriv en kommentar|Laisser un commentaire|Deja un comentario|Залишити коментар
name|Name|Name|Имя|Navn|Nom|Nombre|Ім'я
email|Email|E-Mail|Эл. почта|E-post|E-mail|Correo electrónico|Ел. пошта
post|Post comment|Kommentar abschicken|Отправить|Send kommentar|Publier le commentaire|Publicar comentario|Надіслати
rights|All rights reserved.|Alle Rechte vorbehalten.|Все права защищены.|Alle rettigheter reservert.|Tous droits réservés.|Todos los derechos reservados.|Усі права захищено.
photo|Photo|Foto|Фото|Foto|Photo|Foto|Фото
subheads|Background;What happens next;Reactions|Hintergrund;Wie es weitergeht;Reaktionen|Предыстория;Что дальше;Реакция|Bakgrunn;Veien videre;Reaksjoner|Contexte;Et maintenant ?;Réactions|Antecedentes;Qué pasará ahora;Reacciones|Передісторія;Що далі;Реакція
source|Source|Quelle|Источник|Kilde|Source|Fuente|Джерело
popular|Most read|Meistgelesen|Самое читаемое|Mest lest|Les plus lus|Lo más leído|Найпопулярніше
footer|About us;Contact;Privacy policy|Über uns;Kontakt;Datenschutz|О нас;Контакты;Политика конфиденциальности|Om oss;Kontakt;Personvern|Qui sommes-nous;Contact;Confidentialité|Quiénes somos;Contacto;Privacidad|Про нас;Контакти;Політика конфіденційності
"""

# Site names: lang|top-level domain|first words|second words.
_SITES = """\
en|com|Daily;Northern;Metro;Coastal;Evening;Global|Herald;Courier;Post;Wire;Gazette;Observer
de|de|Neue;Freie;Allgemeine;Rhein;Stadt;Tages|Rundschau;Zeitung;Kurier;Anzeiger;Presse;Post
ru|ru|Новые;Вечерние;Городские;Деловые;Северные;Главные|Вести;Новости;Известия;Ведомости;Хроники;Факты
no|no|Dagens;Nord;Vest;Byens;Kyst;Morgen|Avis;Posten;Tidende;Bladet;Nytt;Dagblad
fr|fr|Le Petit;Le Nouveau;L'Écho du;Le Courrier du;La Voix du;Le Réveil du|Matin;Soir;Nord;Sud;Centre;Littoral
es|es|El Diario;La Crónica;El Heraldo;La Voz;El Correo;La Gaceta|del Norte;del Sur;de la Costa;del Puerto;de la Tarde;Digital
uk|ua|Нові;Вечірні;Міські;Ділові;Північні;Головні|Вісті;Новини;Хроніки;Факти;Події;Відомості
"""
# Aggregators that republish any language, photo agencies, URL-slug transliteration.
_MISC = """\
scrapers|NewsFeed24;World News Today;TopStories Hub;InfoPortal;Headlines Daily;MediaDigest
agencies|NordPhoto;EuroPress Images;Staff photographer;City Press Agency;PhotoWire
translit|а=a б=b в=v г=g ґ=g д=d е=e ё=e є=ye ж=zh з=z и=i і=i ї=yi й=y к=k л=l м=m н=n о=o п=p р=r с=s т=t у=u ф=f х=kh ц=ts ч=ch ш=sh щ=shch ъ= ы=y ь= э=e ю=yu я=ya ä=ae ö=oe ü=ue ß=ss å=aa ø=oe æ=ae é=e è=e ê=e à=a â=a ç=c î=i ï=i ô=o û=u ù=u á=a í=i ó=o ú=u ñ=n ń=n '= ’=
"""

SLOT_RE = re.compile(r"\{([A-Z]+)\}")
SLOTS: frozenset[str] = frozenset({"PERSON", "CITY", "ORG", "NUMBER", "DATE"})


def _parse_block(block: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    domains: list[str] = []
    texts: list[str] = []
    for line in block.splitlines():
        domain, _, text = line.partition("|")
        domains.append(domain)
        texts.append(text)
    return tuple(domains), tuple(texts)


def _parse_table(
    table: dict[str, str], what: str
) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
    parsed = {lang: _parse_block(table[lang]) for lang in LANGS}
    domains = parsed["en"][0]
    for lang, (doms, texts) in parsed.items():
        if doms != domains:
            raise ValueError(f"{what}[{lang}]: lines do not line up with English")
        for i, (a, b) in enumerate(zip(parsed["en"][1], texts, strict=True)):
            if set(SLOT_RE.findall(a)) != set(SLOT_RE.findall(b)):
                raise ValueError(f"{what}[{lang}] line {i + 1}: slots differ from English")
            if not set(SLOT_RE.findall(b)) <= SLOTS:
                raise ValueError(f"{what}[{lang}] line {i + 1}: unknown slot")
    return domains, {lang: parsed[lang][1] for lang in LANGS}


def _parse_columns(block: str, width: int) -> tuple[tuple[str, ...], ...]:
    rows = tuple(tuple(line.split("|")) for line in block.splitlines())
    for row in rows:
        if len(row) != width:
            raise ValueError(f"filler row has {len(row)} columns, expected {width}: {row[0]}")
    return rows


#: SENTENCE_DOMAINS[i] is the domain of sentence i; SENTENCES[lang][i] its template.
SENTENCE_DOMAINS, SENTENCES = _parse_table(_SENTENCES, "sentences")
#: HEADLINE_DOMAINS[i] is the domain of headline i; HEADLINES[lang][i] its template.
HEADLINE_DOMAINS, HEADLINES = _parse_table(_HEADLINES, "headlines")
#: The news domains, in table order ("generic" sentences fit any story).
DOMAINS: tuple[str, ...] = tuple(dict.fromkeys(SENTENCE_DOMAINS))
if not set(HEADLINE_DOMAINS) <= set(DOMAINS) - {"generic"}:
    raise ValueError("every headline needs a news domain of the sentence table")


def _by_lang(rows: tuple[tuple[str, ...], ...], first: int) -> dict[str, tuple[str, ...]]:
    return {lang: tuple(row[first + k] for row in rows) for k, lang in enumerate(LANGS)}


_P = _parse_columns(_PERSONS, 1 + len(LANGS))
#: PERSON_GENDER[i] is "m" or "f"; PERSONS[lang][i] the name as written in that language.
PERSON_GENDER: tuple[str, ...] = tuple(row[0] for row in _P)
PERSONS = _by_lang(_P, 1)
CITIES = _by_lang(_parse_columns(_CITIES, len(LANGS)), 0)
ORGS = _by_lang(_parse_columns(_ORGS, len(LANGS)), 0)
MONTHS: dict[str, tuple[str, ...]] = {
    row[0]: tuple(row[1].split()) for row in _parse_columns(_MONTHS, 2)
}
if sorted(MONTHS) != sorted(LANGS) or any(len(m) != 12 for m in MONTHS.values()):
    raise ValueError("month table must have 12 names for every language")
#: UI[lang][key]: boilerplate text of a site in that language (lists joined by ";").
UI: dict[str, dict[str, str]] = {
    lang: {row[0]: row[1 + k] for row in _parse_columns(_UI, 1 + len(LANGS))}
    for k, lang in enumerate(LANGS)
}
#: SITE_WORDS[lang] = (top-level domain, first words, second words) for site names.
SITE_WORDS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    row[0]: (row[1], tuple(row[2].split(";")), tuple(row[3].split(";")))
    for row in _parse_columns(_SITES, 4)
}
_MISC_ROWS = {row[0]: row[1] for row in _parse_columns(_MISC, 2)}
SCRAPERS = tuple(_MISC_ROWS["scrapers"].split(";"))
AGENCIES = tuple(_MISC_ROWS["agencies"].split(";"))
TRANSLIT = {a: b for a, _, b in (pair.partition("=") for pair in _MISC_ROWS["translit"].split())}
