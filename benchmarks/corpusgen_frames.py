# ruff: noqa: E501
"""The sentence frames of the synthetic corpus, one block per frame (see ``corpusgen_lex``):
a domain line, then one line per language (en, de, ru, no, fr, es, uk) meaning the same.
Written by hand for this benchmark."""

# One block per frame: a domain line, then one line per language in LANGS order.
FRAMES_TEXT = """\
floods
en|Heavy rain hit {CITY} on {DATE}, and {ORG} evacuated {NUMBER} residents overnight.
de|Starkregen traf {CITY} am {DATE}, und {ORG} brachte über Nacht {NUMBER} Bewohner in Sicherheit.
ru|{DATE} на город {CITY} обрушился ливень, и «{ORG}» за ночь эвакуировал {NUMBER} жителей.
no|Kraftig regn rammet {CITY} {DATE}, og {ORG} evakuerte {NUMBER} beboere i løpet av natten.
fr|De fortes pluies ont frappé {CITY} le {DATE}, et {ORG} a évacué {NUMBER} habitants dans la nuit.
es|Fuertes lluvias azotaron {CITY} el {DATE}, y {ORG} evacuó a {NUMBER} vecinos durante la noche.
uk|{DATE} на місто {CITY} обрушилася злива, і «{ORG}» за ніч евакуював {NUMBER} мешканців.
floods
en|{ROLE} {PERSON} declared an emergency in {CITY2} after {QTY:length-kilometer} of roads were flooded.
de|{ROLE} {PERSON} rief in {CITY2} den Notstand aus, nachdem {QTY:length-kilometer} Straßen überflutet worden waren.
ru|{ROLE} {PERSON} [объявил|объявила] режим ЧС в городе {CITY2} после того, как затопило {QTY:length-kilometer} дорог.
no|{ROLE} {PERSON} erklærte unntakstilstand i {CITY2} etter at {QTY:length-kilometer} vei ble oversvømt.
fr|{ROLE} {PERSON} a déclaré l'état d'urgence à {CITY2} après l'inondation de {QTY:length-kilometer} de routes.
es|{ROLE} {PERSON} declaró la emergencia en {CITY2} después de que se inundaran {QTY:length-kilometer} de carreteras.
uk|{ROLE} {PERSON} [оголосив|оголосила] надзвичайний стан у місті {CITY2} після того, як затопило {QTY:length-kilometer} доріг.
floods
en|Volunteers from {ORG2} delivered {QTY:mass-tonne|volume-liter} of supplies to {NUMBER} families.
de|Freiwillige von {ORG2} lieferten {QTY:mass-tonne|volume-liter} Hilfsgüter an {NUMBER} Familien.
ru|Волонтёры «{ORG2}» доставили {QTY:mass-tonne|volume-liter} гуманитарной помощи для {NUMBER} семей.
no|Frivillige fra {ORG2} leverte {QTY:mass-tonne|volume-liter} nødhjelp til {NUMBER} familier.
fr|Des bénévoles de {ORG2} ont livré {QTY:mass-tonne|volume-liter} de vivres à {NUMBER} familles.
es|Voluntarios de {ORG2} entregaron {QTY:mass-tonne|volume-liter} de suministros a {NUMBER} familias.
uk|Волонтери «{ORG2}» доставили {QTY:mass-tonne|volume-liter} гуманітарної допомоги для {NUMBER} родин.
floods
en|{PERSON2} warned that the river near {CITY} could rise again before {DATE}.
de|{PERSON2} warnte, der Fluss bei {CITY} könne vor dem {DATE} erneut steigen.
ru|{PERSON2} <предупредил|предупредила>, что река у города {CITY} может снова подняться до {DATE}.
no|{PERSON2} advarte om at elva ved {CITY} kan stige igjen før {DATE}.
fr|{PERSON2} a averti que la rivière près de {CITY} pourrait remonter avant le {DATE}.
es|{PERSON2} advirtió que el río cerca de {CITY} podría volver a crecer antes del {DATE}.
uk|{PERSON2} <попередив|попередила>, що річка біля міста {CITY} може знову піднятися до {DATE}.
floods
en|Engineers from {ORG} inspected {NUMBER} damaged buildings, {ROLE} {PERSON} said.
de|Ingenieure von {ORG} prüften {NUMBER} beschädigte Gebäude, sagte {ROLE} {PERSON}.
ru|Инженеры «{ORG}» осмотрели {NUMBER} повреждённых зданий, [сообщил|сообщила] {ROLE} {PERSON}.
no|Ingeniører fra {ORG} inspiserte {NUMBER} skadde bygninger, sa {ROLE} {PERSON}.
fr|Les ingénieurs de {ORG} ont inspecté {NUMBER} bâtiments endommagés, a indiqué {ROLE} {PERSON}.
es|Los ingenieros de {ORG} inspeccionaron {NUMBER} edificios dañados, dijo {ROLE} {PERSON}.
uk|Інженери «{ORG}» оглянули {NUMBER} пошкоджених будівель, [повідомив|повідомила] {ROLE} {PERSON}.
floods
en|Insurers put the damage in {CITY} at {NUMBER} euros, {NUMBER2} euros more than after the last flood.
de|Versicherer beziffern den Schaden in {CITY} auf {NUMBER} Euro, {NUMBER2} Euro mehr als nach dem letzten Hochwasser.
ru|Страховщики оценивают ущерб в городе {CITY} в {NUMBER} евро, на {NUMBER2} евро больше, чем после прошлого наводнения.
no|Forsikringsselskapene anslår skadene i {CITY} til {NUMBER} euro, {NUMBER2} euro mer enn etter forrige flom.
fr|Les assureurs évaluent les dégâts à {CITY} à {NUMBER} euros, {NUMBER2} euros de plus qu'après la dernière crue.
es|Las aseguradoras cifran los daños en {CITY} en {NUMBER} euros, {NUMBER2} euros más que tras la última riada.
uk|Страховики оцінюють збитки в місті {CITY} у {NUMBER} євро, на {NUMBER2} євро більше, ніж після минулої повені.
courts
en|A court in {CITY} sentenced {PERSON} to {QTY:duration-year} in prison on {DATE}.
de|Ein Gericht in {CITY} verurteilte {PERSON} am {DATE} zu {QTY:duration-year} Haft.
ru|Суд города {CITY} {DATE} приговорил {PERSON} к {QTY:duration-year} заключения.
no|En domstol i {CITY} dømte {PERSON} til {QTY:duration-year} fengsel {DATE}.
fr|Un tribunal de {CITY} a condamné {PERSON} à {QTY:duration-year} de prison le {DATE}.
es|Un tribunal de {CITY} condenó a {PERSON} a {QTY:duration-year} de prisión el {DATE}.
uk|Суд міста {CITY} {DATE} засудив {PERSON} до {QTY:duration-year} ув'язнення.
courts
en|Prosecutors say {ORG} lost {NUMBER} euros through {NUMBER2} contracts.
de|Laut Staatsanwaltschaft verlor {ORG} durch {NUMBER2} Verträge {NUMBER} Euro.
ru|По данным прокуратуры, «{ORG}» потерял {NUMBER} евро на {NUMBER2} контрактах.
no|Ifølge påtalemyndigheten tapte {ORG} {NUMBER} euro på {NUMBER2} kontrakter.
fr|Selon le parquet, {ORG} a perdu {NUMBER} euros à travers {NUMBER2} contrats.
es|Según la fiscalía, {ORG} perdió {NUMBER} euros a través de {NUMBER2} contratos.
uk|За даними прокуратури, «{ORG}» втратив {NUMBER} євро на {NUMBER2} контрактах.
courts
en|{ROLE2} {PERSON2} argued that {ORG2} had approved every payment.
de|{ROLE2} {PERSON2} argumentierte, {ORG2} habe jede Zahlung genehmigt.
ru|{ROLE2} {PERSON2} <утверждал|утверждала>, что «{ORG2}» одобрял каждый платёж.
no|{ROLE2} {PERSON2} hevdet at {ORG2} hadde godkjent hver eneste betaling.
fr|{ROLE2} {PERSON2} a soutenu que {ORG2} avait approuvé chaque paiement.
es|{ROLE2} {PERSON2} sostuvo que {ORG2} había aprobado cada pago.
uk|{ROLE2} {PERSON2} <стверджував|стверджувала>, що «{ORG2}» схвалював кожен платіж.
courts
en|The judge examined {NUMBER} pages of evidence, the court in {CITY2} said.
de|Der Richter prüfte {NUMBER} Seiten Beweismaterial, teilte das Gericht in {CITY2} mit.
ru|Судья изучил {NUMBER} страниц доказательств, сообщили в суде города {CITY2}.
no|Dommeren gikk gjennom {NUMBER} sider med bevis, opplyste retten i {CITY2}.
fr|Le juge a examiné {NUMBER} pages de preuves, a indiqué le tribunal de {CITY2}.
es|El juez examinó {NUMBER} páginas de pruebas, informó el tribunal de {CITY2}.
uk|Суддя вивчив {NUMBER} сторінок доказів, повідомили в суді міста {CITY2}.
courts
en|{PERSON} called the verdict political and promised to appeal before {DATE}.
de|{PERSON} nannte das Urteil politisch und kündigte Berufung vor dem {DATE} an.
ru|{PERSON} [назвал|назвала] приговор политическим и [пообещал|пообещала] обжаловать его до {DATE}.
no|{PERSON} kalte dommen politisk og lovet å anke før {DATE}.
fr|{PERSON} a qualifié le verdict de politique et promis de faire appel avant le {DATE}.
es|{PERSON} calificó el veredicto de político y prometió recurrir antes del {DATE}.
uk|{PERSON} [назвав|назвала] вирок політичним і [пообіцяв|пообіцяла] оскаржити його до {DATE}.
courts
en|{ORG} will seek {NUMBER} euros in damages, its lawyers in {CITY} said.
de|{ORG} will {NUMBER} Euro Schadenersatz fordern, sagten seine Anwälte in {CITY}.
ru|«{ORG}» потребует {NUMBER} евро компенсации, заявили его юристы в городе {CITY}.
no|{ORG} vil kreve {NUMBER} euro i erstatning, sa selskapets advokater i {CITY}.
fr|{ORG} réclamera {NUMBER} euros de dommages, ont déclaré ses avocats à {CITY}.
es|{ORG} reclamará {NUMBER} euros por daños, dijeron sus abogados en {CITY}.
uk|«{ORG}» вимагатиме {NUMBER} євро компенсації, заявили його юристи в місті {CITY}.
elections
en|Turnout in {CITY} reached {NUMBER} voters on {DATE}, {NUMBER2} more than four years ago.
de|Die Wahlbeteiligung in {CITY} erreichte am {DATE} {NUMBER} Wähler, {NUMBER2} mehr als vor vier Jahren.
ru|Явка в городе {CITY} {DATE} составила {NUMBER} избирателей, на {NUMBER2} больше, чем четыре года назад.
no|Valgdeltakelsen i {CITY} nådde {NUMBER} velgere {DATE}, {NUMBER2} flere enn for fire år siden.
fr|La participation à {CITY} a atteint {NUMBER} électeurs le {DATE}, {NUMBER2} de plus qu'il y a quatre ans.
es|La participación en {CITY} alcanzó {NUMBER} votantes el {DATE}, {NUMBER2} más que hace cuatro años.
uk|Явка в місті {CITY} {DATE} склала {NUMBER} виборців, на {NUMBER2} більше, ніж чотири роки тому.
elections
en|{ROLE} {PERSON} claimed victory and promised reforms in {CITY2}.
de|{ROLE} {PERSON} erklärte den Sieg und versprach Reformen in {CITY2}.
ru|{ROLE} {PERSON} [объявил|объявила] о победе и [пообещал|пообещала] реформы в городе {CITY2}.
no|{ROLE} {PERSON} erklærte seier og lovet reformer i {CITY2}.
fr|{ROLE} {PERSON} a revendiqué la victoire et promis des réformes à {CITY2}.
es|{ROLE} {PERSON} se proclamó [vencedor|vencedora] y prometió reformas en {CITY2}.
uk|{ROLE} {PERSON} [оголосив|оголосила] про перемогу і [пообіцяв|пообіцяла] реформи в місті {CITY2}.
elections
en|A survey by {ORG} had put {PERSON} ahead by {NUMBER} votes.
de|Eine Umfrage von {ORG} hatte {PERSON} mit {NUMBER} Stimmen vorn gesehen.
ru|По опросу «{ORG}», {PERSON} [лидировал|лидировала] с отрывом в {NUMBER} голосов.
no|En måling fra {ORG} hadde gitt {PERSON} en ledelse på {NUMBER} stemmer.
fr|Un sondage de {ORG} donnait {PERSON} en tête avec {NUMBER} voix d'avance.
es|Una encuesta de {ORG} situaba a {PERSON} en cabeza por {NUMBER} votos.
uk|За опитуванням «{ORG}», {PERSON} [лідирував|лідирувала] з відривом у {NUMBER} голосів.
elections
en|Observers from {ORG2} recorded {NUMBER} complaints at polling stations in {CITY}.
de|Beobachter von {ORG2} registrierten {NUMBER} Beschwerden in Wahllokalen in {CITY}.
ru|Наблюдатели «{ORG2}» зафиксировали {NUMBER} жалоб на избирательных участках города {CITY}.
no|Observatører fra {ORG2} registrerte {NUMBER} klager ved valglokaler i {CITY}.
fr|Les observateurs de {ORG2} ont relevé {NUMBER} plaintes dans les bureaux de vote de {CITY}.
es|Los observadores de {ORG2} registraron {NUMBER} quejas en los colegios electorales de {CITY}.
uk|Спостерігачі «{ORG2}» зафіксували {NUMBER} скарг на виборчих дільницях міста {CITY}.
elections
en|The new council of {CITY} will meet on {DATE} with {NUMBER2} members.
de|Der neue Rat von {CITY} tritt am {DATE} mit {NUMBER2} Mitgliedern zusammen.
ru|Новый совет города {CITY} соберётся {DATE} в составе {NUMBER2} депутатов.
no|Det nye bystyret i {CITY} møtes {DATE} med {NUMBER2} medlemmer.
fr|Le nouveau conseil de {CITY} se réunira le {DATE} avec {NUMBER2} membres.
es|El nuevo concejo de {CITY} se reunirá el {DATE} con {NUMBER2} miembros.
uk|Нова рада міста {CITY} збереться {DATE} у складі {NUMBER2} депутатів.
elections
en|{PERSON2} conceded defeat late on {DATE} and congratulated {PERSON}.
de|{PERSON2} räumte am späten {DATE} die Niederlage ein und gratulierte {PERSON}.
ru|{PERSON2} <признал|признала> поражение поздно вечером {DATE} и <поздравил|поздравила> соперника, {PERSON}.
no|{PERSON2} innrømmet nederlaget sent {DATE} og gratulerte {PERSON}.
fr|{PERSON2} a reconnu sa défaite tard le {DATE} et félicité {PERSON}.
es|{PERSON2} reconoció la derrota la noche del {DATE} y felicitó a {PERSON}.
uk|{PERSON2} <визнав|визнала> поразку пізно ввечері {DATE} і <привітав|привітала> суперника, {PERSON}.
ports
en|Dock workers in {CITY} went on strike on {DATE}, leaving {NUMBER} containers unloaded.
de|Hafenarbeiter in {CITY} streiken seit dem {DATE}, {NUMBER} Container bleiben unentladen.
ru|Докеры города {CITY} {DATE} начали забастовку, и {NUMBER} контейнеров остаются неразгруженными.
no|Havnearbeidere i {CITY} gikk til streik {DATE}, og {NUMBER} containere står ulosset.
fr|Les dockers de {CITY} sont en grève depuis le {DATE}, laissant {NUMBER} conteneurs à quai.
es|Los estibadores de {CITY} iniciaron una huelga el {DATE} y {NUMBER} contenedores siguen sin descargar.
uk|Докери міста {CITY} {DATE} розпочали страйк, і {NUMBER} контейнерів залишаються нерозвантаженими.
ports
en|The operator {ORG} offered a raise of {NUMBER} euros a month, {ROLE} {PERSON} said.
de|Der Betreiber {ORG} bot eine Erhöhung um {NUMBER} Euro im Monat an, sagte {ROLE} {PERSON}.
ru|Оператор «{ORG}» предложил прибавку в {NUMBER} евро в месяц, [сказал|сказала] {ROLE} {PERSON}.
no|Operatøren {ORG} tilbød et tillegg på {NUMBER} euro i måneden, sa {ROLE} {PERSON}.
fr|L'opérateur {ORG} a proposé une hausse de {NUMBER} euros par mois, a dit {ROLE} {PERSON}.
es|El operador {ORG} ofreció una subida de {NUMBER} euros al mes, dijo {ROLE} {PERSON}.
uk|Оператор «{ORG}» запропонував надбавку в {NUMBER} євро на місяць, [сказав|сказала] {ROLE} {PERSON}.
ports
en|{QTY:mass-tonne} of cargo are stuck in {CITY2}, according to {ORG2}.
de|{QTY:mass-tonne} Fracht stecken in {CITY2} fest, so {ORG2}.
ru|{QTY:mass-tonne} грузов застряли в городе {CITY2}, сообщает «{ORG2}».
no|{QTY:mass-tonne} last står fast i {CITY2}, ifølge {ORG2}.
fr|{QTY:mass-tonne} de marchandises sont bloquées à {CITY2}, selon {ORG2}.
es|{QTY:mass-tonne} de carga siguen bloqueadas en {CITY2}, según {ORG2}.
uk|{QTY:mass-tonne} вантажів застрягли в місті {CITY2}, повідомляє «{ORG2}».
ports
en|{PERSON2} said the strike in {CITY} would last until {DATE}.
de|{PERSON2} sagte, der Streik in {CITY} werde bis zum {DATE} dauern.
ru|{PERSON2} <заявил|заявила>, что забастовка в городе {CITY} продлится до {DATE}.
no|{PERSON2} sa at streiken i {CITY} vil vare til {DATE}.
fr|{PERSON2} a déclaré que la grève à {CITY} durerait jusqu'au {DATE}.
es|{PERSON2} dijo que la huelga en {CITY} durará hasta el {DATE}.
uk|{PERSON2} <заявив|заявила>, що страйк у місті {CITY} триватиме до {DATE}.
ports
en|Retailers in {CITY2} warned that {NUMBER} shops could run out of goods within {QTY:duration-day}.
de|Händler in {CITY2} warnten, {NUMBER} Geschäften könnten binnen {QTY:duration-day} die Waren ausgehen.
ru|Торговцы города {CITY2} предупредили, что в {NUMBER} магазинах товары могут закончиться за {QTY:duration-day}.
no|Butikker i {CITY2} advarte om at {NUMBER} butikker kan gå tom for varer innen {QTY:duration-day}.
fr|Les commerçants de {CITY2} craignent que {NUMBER} magasins soient en rupture d'ici {QTY:duration-day}.
es|Los comerciantes de {CITY2} advirtieron que {NUMBER} tiendas podrían quedarse sin productos en {QTY:duration-day}.
uk|Торговці міста {CITY2} попередили, що в {NUMBER} магазинах товари можуть закінчитися за {QTY:duration-day}.
ports
en|Last year the port of {CITY} handled {NUMBER} ships and {QTY:mass-tonne} of grain.
de|Im vergangenen Jahr fertigte der Hafen von {CITY} {NUMBER} Schiffe und {QTY:mass-tonne} Getreide ab.
ru|В прошлом году порт города {CITY} принял {NUMBER} судов и {QTY:mass-tonne} зерна.
no|I fjor håndterte havna i {CITY} {NUMBER} skip og {QTY:mass-tonne} korn.
fr|L'an dernier, le port de {CITY} a traité {NUMBER} navires et {QTY:mass-tonne} de céréales.
es|El año pasado el puerto de {CITY} recibió {NUMBER} buques y {QTY:mass-tonne} de grano.
uk|Торік порт міста {CITY} прийняв {NUMBER} суден і {QTY:mass-tonne} зерна.
energy
en|Electricity prices in {CITY} rose by {NUMBER} euros per megawatt hour on {DATE}.
de|Die Strompreise in {CITY} stiegen am {DATE} um {NUMBER} Euro je Megawattstunde.
ru|Цены на электроэнергию в городе {CITY} {DATE} выросли на {NUMBER} евро за мегаватт-час.
no|Strømprisene i {CITY} steg med {NUMBER} euro per megawattime {DATE}.
fr|Les prix de l'électricité à {CITY} ont augmenté de {NUMBER} euros par mégawattheure le {DATE}.
es|Los precios de la electricidad en {CITY} subieron {NUMBER} euros por megavatio hora el {DATE}.
uk|Ціни на електроенергію в місті {CITY} {DATE} зросли на {NUMBER} євро за мегават-годину.
energy
en|The supplier {ORG} will raise its tariff for {NUMBER} households from {DATE}.
de|Der Versorger {ORG} erhöht ab dem {DATE} den Tarif für {NUMBER} Haushalte.
ru|Поставщик «{ORG}» с {DATE} повысит тариф для {NUMBER} домохозяйств.
no|Leverandøren {ORG} øker prisen for {NUMBER} husstander fra {DATE}.
fr|Le fournisseur {ORG} augmentera son tarif pour {NUMBER} foyers à partir du {DATE}.
es|La comercializadora {ORG} subirá la tarifa a {NUMBER} hogares a partir del {DATE}.
uk|Постачальник «{ORG}» з {DATE} підвищить тариф для {NUMBER} домогосподарств.
energy
en|{ROLE} {PERSON} promised a price cap for {CITY2} and a decision before {DATE}.
de|{ROLE} {PERSON} versprach einen Preisdeckel für {CITY2} und eine Entscheidung vor dem {DATE}.
ru|{ROLE} {PERSON} [пообещал|пообещала] потолок цен для города {CITY2} и решение до {DATE}.
no|{ROLE} {PERSON} lovet et pristak for {CITY2} og en avgjørelse før {DATE}.
fr|{ROLE} {PERSON} a promis un plafond des prix pour {CITY2} et une décision avant le {DATE}.
es|{ROLE} {PERSON} prometió un tope de precios para {CITY2} y una decisión antes del {DATE}.
uk|{ROLE} {PERSON} [пообіцяв|пообіцяла] стелю цін для міста {CITY2} і рішення до {DATE}.
energy
en|{ORG2} said {QTY:energy-kilowatt-hour} were lost when a line near {CITY2} failed.
de|{ORG2} zufolge gingen {QTY:energy-kilowatt-hour} verloren, als eine Leitung bei {CITY2} ausfiel.
ru|По данным «{ORG2}», при аварии на линии у города {CITY2} было потеряно {QTY:energy-kilowatt-hour}.
no|{ORG2} opplyser at {QTY:energy-kilowatt-hour} gikk tapt da en linje ved {CITY2} falt ut.
fr|Selon {ORG2}, {QTY:energy-kilowatt-hour} ont été perdus lors de la panne d'une ligne près de {CITY2}.
es|Según {ORG2}, se perdieron {QTY:energy-kilowatt-hour} al fallar una línea cerca de {CITY2}.
uk|За даними «{ORG2}», під час аварії на лінії біля міста {CITY2} було втрачено {QTY:energy-kilowatt-hour}.
energy
en|Consumer groups in {CITY} received {NUMBER} requests for help, {PERSON2} said.
de|Verbraucherverbände in {CITY} erhielten {NUMBER} Hilfsanfragen, sagte {PERSON2}.
ru|Общества потребителей города {CITY} получили {NUMBER} просьб о помощи, <сказал|сказала> {PERSON2}.
no|Forbrukergrupper i {CITY} har fått {NUMBER} henvendelser om hjelp, sa {PERSON2}.
fr|Les associations de consommateurs de {CITY} ont reçu {NUMBER} demandes d'aide, a dit {PERSON2}.
es|Las asociaciones de consumidores de {CITY} recibieron {NUMBER} peticiones de ayuda, dijo {PERSON2}.
uk|Товариства споживачів міста {CITY} отримали {NUMBER} прохань про допомогу, <сказав|сказала> {PERSON2}.
energy
en|{ORG} is building a wind farm near {CITY2} that will produce {QTY:energy-kilowatt-hour} a year.
de|{ORG} baut bei {CITY2} einen Windpark, der jährlich {QTY:energy-kilowatt-hour} erzeugen soll.
ru|«{ORG}» строит у города {CITY2} ветропарк, который будет вырабатывать {QTY:energy-kilowatt-hour} в год.
no|{ORG} bygger en vindpark ved {CITY2} som skal produsere {QTY:energy-kilowatt-hour} i året.
fr|{ORG} construit près de {CITY2} un parc éolien qui produira {QTY:energy-kilowatt-hour} par an.
es|{ORG} construye cerca de {CITY2} un parque eólico que producirá {QTY:energy-kilowatt-hour} al año.
uk|«{ORG}» будує біля міста {CITY2} вітропарк, який вироблятиме {QTY:energy-kilowatt-hour} на рік.
sports
en|The final in {CITY} on {DATE} drew {NUMBER} spectators.
de|Das Finale in {CITY} am {DATE} verfolgten {NUMBER} Zuschauer.
ru|Финал в городе {CITY} {DATE} собрал {NUMBER} зрителей.
no|Finalen i {CITY} {DATE} trakk {NUMBER} tilskuere.
fr|La finale à {CITY} le {DATE} a attiré {NUMBER} spectateurs.
es|La final en {CITY} el {DATE} reunió a {NUMBER} espectadores.
uk|Фінал у місті {CITY} {DATE} зібрав {NUMBER} глядачів.
sports
en|{PERSON} scored twice against the team from {CITY2} and was named player of the match.
de|{PERSON} traf zweimal gegen das Team aus {CITY2} und wurde [zum Spieler|zur Spielerin] des Spiels gewählt.
ru|{PERSON} [забил|забила] дважды в ворота команды из города {CITY2} и [был признан|была признана] игроком матча.
no|{PERSON} scoret to ganger mot laget fra {CITY2} og ble kåret til banens beste.
fr|{PERSON} a marqué deux fois contre l'équipe de {CITY2} et a été [élu|élue] [joueur|joueuse] du match.
es|{PERSON} marcó dos veces ante el equipo de {CITY2} y fue [elegido|elegida] [mejor jugador|mejor jugadora] del partido.
uk|{PERSON} [забив|забила] двічі у ворота команди з міста {CITY2} і [був визнаний|була визнана] гравцем матчу.
sports
en|Sponsor {ORG2} promised a bonus of {NUMBER} euros for each of the {NUMBER2} players.
de|Sponsor {ORG2} versprach jedem der {NUMBER2} Spieler eine Prämie von {NUMBER} Euro.
ru|Спонсор «{ORG2}» пообещал премию в {NUMBER} евро каждому из {NUMBER2} игроков.
no|Sponsoren {ORG2} lovet en bonus på {NUMBER} euro til hver av de {NUMBER2} spillerne.
fr|Le sponsor {ORG2} a promis une prime de {NUMBER} euros à chacun des {NUMBER2} joueurs.
es|El patrocinador {ORG2} prometió una prima de {NUMBER} euros a cada uno de los {NUMBER2} jugadores.
uk|Спонсор «{ORG2}» пообіцяв премію в {NUMBER} євро кожному з {NUMBER2} гравців.
sports
en|{ROLE2} {PERSON2} said the team had trained for {QTY:duration-week} for this game.
de|{ROLE2} {PERSON2} sagte, das Team habe {QTY:duration-week} für dieses Spiel trainiert.
ru|{ROLE2} {PERSON2} <рассказал|рассказала>, что команда готовилась к игре {QTY:duration-week}.
no|{ROLE2} {PERSON2} sa at laget hadde trent i {QTY:duration-week} til denne kampen.
fr|{ROLE2} {PERSON2} a dit que l'équipe s'était entraînée {QTY:duration-week} pour ce match.
es|{ROLE2} {PERSON2} dijo que el equipo había entrenado {QTY:duration-week} para este partido.
uk|{ROLE2} {PERSON2} <розповів|розповіла>, що команда готувалася до гри {QTY:duration-week}.
sports
en|Police in {CITY} said {NUMBER} fans celebrated without serious incidents.
de|Die Polizei in {CITY} meldete, {NUMBER} Fans hätten ohne ernste Zwischenfälle gefeiert.
ru|Полиция города {CITY} сообщила, что {NUMBER} болельщиков праздновали без серьёзных происшествий.
no|Politiet i {CITY} sier {NUMBER} supportere feiret uten alvorlige hendelser.
fr|La police de {CITY} a indiqué que {NUMBER} supporters avaient fait la fête sans incident grave.
es|La policía de {CITY} informó de que {NUMBER} aficionados celebraron sin incidentes graves.
uk|Поліція міста {CITY} повідомила, що {NUMBER} уболівальників святкували без серйозних інцидентів.
sports
en|Tickets for the match in {CITY2} on {DATE} sold out in {QTY:duration-minute}.
de|Die Karten für das Spiel in {CITY2} am {DATE} waren in {QTY:duration-minute} ausverkauft.
ru|Билеты на матч в городе {CITY2} {DATE} были распроданы за {QTY:duration-minute}.
no|Billettene til kampen i {CITY2} {DATE} ble utsolgt på {QTY:duration-minute}.
fr|Les billets pour le match à {CITY2} le {DATE} se sont vendus en {QTY:duration-minute}.
es|Las entradas para el partido en {CITY2} el {DATE} se agotaron en {QTY:duration-minute}.
uk|Квитки на матч у місті {CITY2} {DATE} були розпродані за {QTY:duration-minute}.
health
en|Hospitals in {CITY} postponed {NUMBER} operations on {DATE} as flu cases climbed.
de|Die Kliniken in {CITY} verschoben am {DATE} {NUMBER} Operationen, weil die Grippefälle zunahmen.
ru|Больницы города {CITY} {DATE} отложили {NUMBER} операций из-за роста заболеваемости гриппом.
no|Sykehusene i {CITY} utsatte {NUMBER} operasjoner {DATE} da influensatilfellene økte.
fr|Les hôpitaux de {CITY} ont reporté {NUMBER} opérations le {DATE} face à la hausse de la grippe.
es|Los hospitales de {CITY} aplazaron {NUMBER} operaciones el {DATE} por el aumento de la gripe.
uk|Лікарні міста {CITY} {DATE} відклали {NUMBER} операцій через зростання захворюваності на грип.
health
en|{ROLE} {PERSON} urged residents of {CITY2} to get vaccinated before {DATE}.
de|{ROLE} {PERSON} rief die Einwohner von {CITY2} auf, sich vor dem {DATE} impfen zu lassen.
ru|{ROLE} {PERSON} [призвал|призвала] жителей города {CITY2} привиться до {DATE}.
no|{ROLE} {PERSON} oppfordret innbyggerne i {CITY2} til å vaksinere seg før {DATE}.
fr|{ROLE} {PERSON} a exhorté les habitants de {CITY2} à se faire vacciner avant le {DATE}.
es|{ROLE} {PERSON} instó a los vecinos de {CITY2} a vacunarse antes del {DATE}.
uk|{ROLE} {PERSON} [закликав|закликала] мешканців міста {CITY2} вакцинуватися до {DATE}.
health
en|Doctors at {ORG} treated {NUMBER} patients in a single week.
de|Ärzte von {ORG} behandelten in einer einzigen Woche {NUMBER} Patienten.
ru|Врачи «{ORG}» за одну неделю приняли {NUMBER} пациентов.
no|Leger ved {ORG} behandlet {NUMBER} pasienter på én uke.
fr|Les médecins de {ORG} ont soigné {NUMBER} patients en une seule semaine.
es|Los médicos de {ORG} atendieron a {NUMBER} pacientes en una sola semana.
uk|Лікарі «{ORG}» за один тиждень прийняли {NUMBER} пацієнтів.
health
en|Pharmacies expect {QTY:mass-kilogram} of antibiotics before {DATE}, {PERSON2} said.
de|Apotheken erwarten vor dem {DATE} {QTY:mass-kilogram} Antibiotika, sagte {PERSON2}.
ru|Аптеки ждут {QTY:mass-kilogram} антибиотиков до {DATE}, <сказал|сказала> {PERSON2}.
no|Apotekene venter {QTY:mass-kilogram} antibiotika før {DATE}, sa {PERSON2}.
fr|Les pharmacies attendent {QTY:mass-kilogram} d'antibiotiques avant le {DATE}, a dit {PERSON2}.
es|Las farmacias esperan {QTY:mass-kilogram} de antibióticos antes del {DATE}, dijo {PERSON2}.
uk|Аптеки чекають {QTY:mass-kilogram} антибіотиків до {DATE}, <сказав|сказала> {PERSON2}.
health
en|{ORG2} opened {NUMBER} extra vaccination centres in {CITY}.
de|{ORG2} eröffnete in {CITY} {NUMBER} zusätzliche Impfzentren.
ru|«{ORG2}» открыл в городе {CITY} {NUMBER} дополнительных прививочных пунктов.
no|{ORG2} åpnet {NUMBER} ekstra vaksinesentre i {CITY}.
fr|{ORG2} a ouvert {NUMBER} centres de vaccination supplémentaires à {CITY}.
es|{ORG2} abrió {NUMBER} centros de vacunación adicionales en {CITY}.
uk|«{ORG2}» відкрив у місті {CITY} {NUMBER} додаткових пунктів щеплення.
health
en|The waiting list in {CITY2} has grown to {NUMBER} people, {NUMBER2} more than last year.
de|Die Warteliste in {CITY2} ist auf {NUMBER} Menschen gewachsen, {NUMBER2} mehr als im Vorjahr.
ru|Очередь на лечение в городе {CITY2} выросла до {NUMBER} человек, на {NUMBER2} больше, чем год назад.
no|Ventelisten i {CITY2} har vokst til {NUMBER} personer, {NUMBER2} flere enn i fjor.
fr|La liste d'attente à {CITY2} atteint {NUMBER} personnes, {NUMBER2} de plus que l'an dernier.
es|La lista de espera en {CITY2} ha crecido hasta {NUMBER} personas, {NUMBER2} más que el año pasado.
uk|Черга на лікування в місті {CITY2} зросла до {NUMBER} осіб, на {NUMBER2} більше, ніж рік тому.
tech
en|{ORG} unveiled a data centre near {CITY} on {DATE}.
de|{ORG} stellte am {DATE} ein Rechenzentrum bei {CITY} vor.
ru|«{ORG}» {DATE} представил дата-центр у города {CITY}.
no|{ORG} presenterte et datasenter ved {CITY} {DATE}.
fr|{ORG} a dévoilé un centre de données près de {CITY} le {DATE}.
es|{ORG} presentó un centro de datos cerca de {CITY} el {DATE}.
uk|«{ORG}» {DATE} представив дата-центр біля міста {CITY}.
tech
en|The project will create {NUMBER} jobs and use {QTY:volume-liter} of water a day.
de|Das Projekt soll {NUMBER} Arbeitsplätze schaffen und täglich {QTY:volume-liter} Wasser verbrauchen.
ru|Проект создаст {NUMBER} рабочих мест и будет потреблять {QTY:volume-liter} воды в день.
no|Prosjektet skal skape {NUMBER} arbeidsplasser og bruke {QTY:volume-liter} vann om dagen.
fr|Le projet créera {NUMBER} emplois et consommera {QTY:volume-liter} d'eau par jour.
es|El proyecto creará {NUMBER} empleos y consumirá {QTY:volume-liter} de agua al día.
uk|Проєкт створить {NUMBER} робочих місць і споживатиме {QTY:volume-liter} води на день.
tech
en|{ROLE} {PERSON} said the site in {CITY} would run on renewable energy by {DATE}.
de|{ROLE} {PERSON} sagte, der Standort in {CITY} werde bis zum {DATE} mit erneuerbarer Energie laufen.
ru|{ROLE} {PERSON} [заявил|заявила], что объект в городе {CITY} перейдёт на возобновляемую энергию к {DATE}.
no|{ROLE} {PERSON} sa at anlegget i {CITY} skal gå på fornybar energi innen {DATE}.
fr|{ROLE} {PERSON} a affirmé que le site de {CITY} fonctionnerait aux énergies renouvelables d'ici le {DATE}.
es|{ROLE} {PERSON} afirmó que la planta de {CITY} funcionará con energía renovable antes del {DATE}.
uk|{ROLE} {PERSON} [заявив|заявила], що об'єкт у місті {CITY} перейде на відновлювану енергію до {DATE}.
tech
en|A fault at {ORG2} left {NUMBER} users without online banking for {QTY:duration-hour}.
de|Eine Störung bei {ORG2} ließ {NUMBER} Nutzer {QTY:duration-hour} ohne Onlinebanking.
ru|Сбой в «{ORG2}» оставил {NUMBER} пользователей без онлайн-банка на {QTY:duration-hour}.
no|En feil hos {ORG2} gjorde at {NUMBER} brukere sto uten nettbank i {QTY:duration-hour}.
fr|Une panne chez {ORG2} a privé {NUMBER} clients de banque en ligne pendant {QTY:duration-hour}.
es|Un fallo en {ORG2} dejó a {NUMBER} usuarios sin banca en línea durante {QTY:duration-hour}.
uk|Збій у «{ORG2}» залишив {NUMBER} користувачів без онлайн-банку на {QTY:duration-hour}.
tech
en|Regulators in {CITY2} asked {ORG} for a full report, {PERSON2} said.
de|Die Aufsicht in {CITY2} verlangte von {ORG} einen vollständigen Bericht, sagte {PERSON2}.
ru|Регуляторы города {CITY2} потребовали от «{ORG}» полный отчёт, <сказал|сказала> {PERSON2}.
no|Tilsynet i {CITY2} ba {ORG} om en full rapport, sa {PERSON2}.
fr|Le régulateur de {CITY2} a exigé un rapport complet de {ORG}, a dit {PERSON2}.
es|Los reguladores de {CITY2} pidieron a {ORG} un informe completo, dijo {PERSON2}.
uk|Регулятори міста {CITY2} вимагали від «{ORG}» повний звіт, <сказав|сказала> {PERSON2}.
tech
en|Researchers at {ORG2} said an update, not an attack, caused the outage on {DATE}.
de|Forscher von {ORG2} sagten, ein Update und kein Angriff habe den Ausfall am {DATE} verursacht.
ru|Исследователи «{ORG2}» заявили, что сбой {DATE} вызвало обновление, а не атака.
no|Forskere ved {ORG2} sa at en oppdatering, ikke et angrep, forårsaket bruddet {DATE}.
fr|Des chercheurs de {ORG2} ont indiqué qu'une mise à jour, et non une attaque, avait causé la panne du {DATE}.
es|Investigadores de {ORG2} dijeron que una actualización, no un ataque, causó el apagón del {DATE}.
uk|Дослідники «{ORG2}» заявили, що збій {DATE} спричинило оновлення, а не атака.
generic
en|{ROLE} {PERSON} said on {DATE} that {ORG} would publish its findings within {QTY:duration-day}.
de|{ROLE} {PERSON} sagte am {DATE}, {ORG} werde seine Ergebnisse binnen {QTY:duration-day} veröffentlichen.
ru|{ROLE} {PERSON} {DATE} [заявил|заявила], что «{ORG}» опубликует выводы в течение {QTY:duration-day}.
no|{ROLE} {PERSON} sa {DATE} at {ORG} vil legge fram funnene innen {QTY:duration-day}.
fr|{ROLE} {PERSON} a déclaré le {DATE} que {ORG} publierait ses conclusions sous {QTY:duration-day}.
es|{ROLE} {PERSON} dijo el {DATE} que {ORG} publicará sus conclusiones en {QTY:duration-day}.
uk|{ROLE} {PERSON} {DATE} [заявив|заявила], що «{ORG}» оприлюднить висновки протягом {QTY:duration-day}.
generic
en|“We will not wait for {ORG2},” {PERSON2} told reporters in {CITY}.
de|„Wir warten nicht auf {ORG2}“, sagte {PERSON2} vor Reportern in {CITY}.
ru|«Мы не будем ждать „{ORG2}“», — <сказал|сказала> {PERSON2} журналистам в городе {CITY}.
no|«Vi venter ikke på {ORG2}», sa {PERSON2} til journalister i {CITY}.
fr|« Nous n'attendrons pas {ORG2} », a dit {PERSON2} aux journalistes à {CITY}.
es|«No vamos a esperar a {ORG2}», dijo {PERSON2} a los periodistas en {CITY}.
uk|«Ми не чекатимемо на „{ORG2}“», — <сказав|сказала> {PERSON2} журналістам у місті {CITY}.
generic
en|According to {ORG}, {NUMBER} people in {CITY2} signed a petition by {DATE}.
de|Laut {ORG} unterschrieben bis zum {DATE} {NUMBER} Menschen in {CITY2} eine Petition.
ru|По данным «{ORG}», к {DATE} петицию подписали {NUMBER} жителей города {CITY2}.
no|Ifølge {ORG} hadde {NUMBER} personer i {CITY2} skrevet under på et opprop innen {DATE}.
fr|Selon {ORG}, {NUMBER} habitants de {CITY2} avaient signé une pétition au {DATE}.
es|Según {ORG}, {NUMBER} vecinos de {CITY2} habían firmado una petición antes del {DATE}.
uk|За даними «{ORG}», до {DATE} петицію підписали {NUMBER} мешканців міста {CITY2}.
generic
en|{PERSON} and {PERSON2} met in {CITY} on {DATE} but reached no agreement.
de|{PERSON} und {PERSON2} trafen sich am {DATE} in {CITY}, einigten sich aber nicht.
ru|{PERSON} и {PERSON2} встретились в городе {CITY} {DATE}, но не договорились.
no|{PERSON} og {PERSON2} møttes i {CITY} {DATE}, men ble ikke enige.
fr|{PERSON} et {PERSON2} se sont rencontrés à {CITY} le {DATE} sans parvenir à un accord.
es|{PERSON} y {PERSON2} se reunieron en {CITY} el {DATE}, pero no llegaron a un acuerdo.
uk|{PERSON} і {PERSON2} зустрілися в місті {CITY} {DATE}, але не домовилися.
generic
en|A spokesperson for {ORG2} in {CITY} declined to comment on {DATE}.
de|Ein Sprecher von {ORG2} in {CITY} wollte sich am {DATE} nicht äußern.
ru|Представитель «{ORG2}» в городе {CITY} {DATE} отказался от комментариев.
no|En talsperson for {ORG2} i {CITY} ville ikke kommentere saken {DATE}.
fr|Un porte-parole de {ORG2} à {CITY} s'est refusé à tout commentaire le {DATE}.
es|Un portavoz de {ORG2} en {CITY} declinó hacer comentarios el {DATE}.
uk|Представник «{ORG2}» у місті {CITY} {DATE} відмовився від коментарів.
generic
en|{ORG} put the total cost at {NUMBER} euros, {NUMBER2} euros more than planned.
de|{ORG} beziffert die Gesamtkosten auf {NUMBER} Euro, {NUMBER2} Euro mehr als geplant.
ru|«{ORG}» оценил общие расходы в {NUMBER} евро, на {NUMBER2} евро больше запланированного.
no|{ORG} anslår totalkostnaden til {NUMBER} euro, {NUMBER2} euro mer enn planlagt.
fr|{ORG} chiffre le coût total à {NUMBER} euros, {NUMBER2} euros de plus que prévu.
es|{ORG} cifra el coste total en {NUMBER} euros, {NUMBER2} euros más de lo previsto.
uk|«{ORG}» оцінив загальні витрати в {NUMBER} євро, на {NUMBER2} євро більше запланованого.
generic
en|{ROLE} {PERSON} will meet residents of {CITY2} on {DATE} to discuss the plans.
de|{ROLE} {PERSON} trifft am {DATE} Einwohner von {CITY2}, um die Pläne zu besprechen.
ru|{ROLE} {PERSON} {DATE} встретится с жителями города {CITY2}, чтобы обсудить планы.
no|{ROLE} {PERSON} møter innbyggere i {CITY2} {DATE} for å diskutere planene.
fr|{ROLE} {PERSON} rencontrera les habitants de {CITY2} le {DATE} pour discuter des projets.
es|{ROLE} {PERSON} se reunirá con vecinos de {CITY2} el {DATE} para hablar de los planes.
uk|{ROLE} {PERSON} {DATE} зустрінеться з мешканцями міста {CITY2}, щоб обговорити плани.
generic
en|The opposition in {CITY} demanded an inquiry, and {ORG2} rejected the criticism.
de|Die Opposition in {CITY} forderte eine Untersuchung, {ORG2} wies die Kritik zurück.
ru|Оппозиция города {CITY} потребовала расследования, а «{ORG2}» отверг критику.
no|Opposisjonen i {CITY} krevde gransking, og {ORG2} avviste kritikken.
fr|L'opposition à {CITY} a réclamé une enquête, et {ORG2} a rejeté les critiques.
es|La oposición en {CITY} exigió una investigación, y {ORG2} rechazó las críticas.
uk|Опозиція міста {CITY} вимагала розслідування, а «{ORG2}» відкинув критику.
generic
en|{PERSON2} first raised the issue in an interview with {ORG2} {QTY:duration-week} ago.
de|{PERSON2} sprach das Thema vor {QTY:duration-week} erstmals in einem Interview mit {ORG2} an.
ru|{PERSON2} впервые <поднял|подняла> эту тему в интервью «{ORG2}» {QTY:duration-week} назад.
no|{PERSON2} tok først opp saken i et intervju med {ORG2} for {QTY:duration-week} siden.
fr|{PERSON2} a soulevé la question pour la première fois dans un entretien avec {ORG2} il y a {QTY:duration-week}.
es|{PERSON2} planteó el asunto por primera vez en una entrevista con {ORG2} hace {QTY:duration-week}.
uk|{PERSON2} уперше <порушив|порушила> цю тему в інтерв'ю «{ORG2}» {QTY:duration-week} тому.
generic
en|Similar problems were reported by {NUMBER} businesses between {CITY} and {CITY2}.
de|Ähnliche Probleme meldeten {NUMBER} Betriebe zwischen {CITY} und {CITY2}.
ru|О похожих проблемах сообщили {NUMBER} предприятий между городами {CITY} и {CITY2}.
no|Lignende problemer ble meldt av {NUMBER} bedrifter mellom {CITY} og {CITY2}.
fr|Des problèmes similaires ont été signalés par {NUMBER} entreprises entre {CITY} et {CITY2}.
es|{NUMBER} empresas entre {CITY} y {CITY2} informaron de problemas similares.
uk|Про схожі проблеми повідомили {NUMBER} підприємств між містами {CITY} і {CITY2}.
generic
en|{ORG} and {ORG2} signed an agreement worth {NUMBER} euros on {DATE}.
de|{ORG} und {ORG2} unterzeichneten am {DATE} eine Vereinbarung über {NUMBER} Euro.
ru|«{ORG}» и «{ORG2}» {DATE} подписали соглашение на {NUMBER} евро.
no|{ORG} og {ORG2} signerte {DATE} en avtale verdt {NUMBER} euro.
fr|{ORG} et {ORG2} ont signé le {DATE} un accord de {NUMBER} euros.
es|{ORG} y {ORG2} firmaron el {DATE} un acuerdo por valor de {NUMBER} euros.
uk|«{ORG}» і «{ORG2}» {DATE} підписали угоду на {NUMBER} євро.
generic
en|Officials in {CITY2} promised an update within {QTY:duration-day}, {PERSON} said.
de|Die Behörden in {CITY2} versprachen binnen {QTY:duration-day} neue Informationen, sagte {PERSON}.
ru|Власти города {CITY2} пообещали новости в течение {QTY:duration-day}, [сказал|сказала] {PERSON}.
no|Myndighetene i {CITY2} lovet en oppdatering innen {QTY:duration-day}, sa {PERSON}.
fr|Les autorités de {CITY2} ont promis du nouveau sous {QTY:duration-day}, a dit {PERSON}.
es|Las autoridades de {CITY2} prometieron novedades en {QTY:duration-day}, dijo {PERSON}.
uk|Влада міста {CITY2} пообіцяла новини протягом {QTY:duration-day}, [сказав|сказала] {PERSON}.
generic
en|{PERSON2}, who lives in {CITY}, said {NUMBER} neighbours had the same problem.
de|{PERSON2}, <der|die> in {CITY} lebt, sagte, {NUMBER} Nachbarn hätten dasselbe Problem.
ru|{PERSON2}, <живущий|живущая> в городе {CITY}, <сказал|сказала>, что у {NUMBER} соседей та же проблема.
no|{PERSON2}, som bor i {CITY}, sa at {NUMBER} naboer har det samme problemet.
fr|{PERSON2}, qui habite à {CITY}, a dit que {NUMBER} voisins avaient le même problème.
es|{PERSON2}, que vive en {CITY}, dijo que {NUMBER} vecinos tenían el mismo problema.
uk|{PERSON2}, <який живе|яка живе> в місті {CITY}, <сказав|сказала>, що в {NUMBER} сусідів та сама проблема.
generic
en|The decision by {ORG} affects {NUMBER} people in {CITY2}, {ROLE} {PERSON} said.
de|Die Entscheidung von {ORG} betrifft {NUMBER} Menschen in {CITY2}, sagte {ROLE} {PERSON}.
ru|Решение «{ORG}» затрагивает {NUMBER} человек в городе {CITY2}, [сказал|сказала] {ROLE} {PERSON}.
no|Vedtaket fra {ORG} berører {NUMBER} mennesker i {CITY2}, sa {ROLE} {PERSON}.
fr|La décision de {ORG} concerne {NUMBER} personnes à {CITY2}, a dit {ROLE} {PERSON}.
es|La decisión de {ORG} afecta a {NUMBER} personas en {CITY2}, dijo {ROLE} {PERSON}.
uk|Рішення «{ORG}» стосується {NUMBER} людей у місті {CITY2}, [сказав|сказала] {ROLE} {PERSON}.
"""
