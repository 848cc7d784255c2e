// How statuses come about, what they do and do not say, and how often they are
// right: the page a reader (or an editor) checks before quoting a status.
import { getJson } from './api.js';
import { append, h, statusBadge } from './dom.js';

// Measured on the development set (32 sections, 237 checkable commitments graded by assessors), 2 December 2026.
const MEASURED = {
  date: '2 december 2026',
  accuracy: '48%',
  alwaysNoTrace: '45%',
  realisedPrecision: '73% (kruisgevalideerd; 87% op de ontwikkelsecties zelf)',
  strong: '73% juist (kruisgevalideerd), bij 6% van de statussen',
};

export async function renderMethod(main, { signal }) {
  const overview = await getJson('/api/overview');
  if (signal.aborted) return;
  append(main, [
    h('h1', { tabindex: '-1' }, 'Hoe de Beloftemeter een status geeft'),
    h('p', { class: 'lead' }, 'Voor elke concrete belofte uit het regeerakkoord zoekt de Beloftemeter de beslissingen van de Vlaamse Regering en de documenten van het Vlaams Parlement die erover gaan, en geeft ze één status met de bron die de doorslag gaf.'),
    h('h2', {}, 'Wat elke status betekent'),
    h('dl', { class: 'legend' }, overview.statuses.map((s) => [h('dt', {}, statusBadge(s.status, s.label)), h('dd', {}, s.description)])),
    h('h2', {}, 'Hoe het bewijs gekozen wordt'),
    h('p', {}, 'Een beslissing telt alleen als bewijs als ze over deze belofte zelf gaat, niet alleen over hetzelfde onderwerp. Daarvoor weegt een rekenmodel onder meer af of de beslissing hoog scoort voor de hele sectie van het regeerakkoord, of ze de kenmerkende woorden van de belofte deelt (niet enkel woorden als "decreet" of "subsidie"), of één zin of de titel van de beslissing zegt wat de belofte zegt. Het model is afgesteld op beslissingen die beoordelaars als doorslaggevend aanduidden.'),
    h('p', {}, 'Van een dossier (principiële goedkeuring, definitieve goedkeuring, bekrachtiging …) telt de verste stap: een bekrachtigd decreet weegt zwaarder dan het voorontwerp.'),
    h('h2', {}, '"Sterk bewijs" en "te controleren"'),
    h('p', {}, 'Alleen een status die rust op een beslissing in een eindfase die duidelijk over deze belofte gaat, zonder signaal van het parlement dat iets ontbreekt, krijgt "sterk bewijs". Alle andere statussen zijn "te controleren": de pagina van de belofte noemt dan de bronnen die u best eerst naleest.'),
    h('h2', {}, 'Wat "geen spoor" wel en niet zegt'),
    h('p', {}, '"Geen spoor" betekent dat we geen beslissing of parlementair document vonden dat deze belofte zelf uitvoert. Het bewijst niet dat er niets gebeurde: een maatregel kan in andere woorden beschreven zijn, of buiten de beslissingen van de regering vallen (een ministerieel besluit, een beslissing van een agentschap).'),
    h('h2', {}, 'Beoordeeld door de redactie'),
    h('p', {}, 'Redacteurs lezen de bronnen na en bevestigen of wijzigen de status. Zo\'n status staat er met "beoordeeld door de redactie op" en de datum, en gaat overal voor op de automatische: op de pagina\'s, in de lijsten, de exports en de rapporten. Het voorstel van de machine blijft zichtbaar, net als elke wijziging met haar datum en toelichting. Vindt de machine later nieuw bewijs, dan komt de belofte terug bij de redactie.'),
    h('h2', {}, 'Hoe vaak klopt het?'),
    h(
      'ul',
      {},
      h('li', {}, `Statussen die overeenkomen met die van beoordelaars die elke verwante beslissing lazen: ${MEASURED.accuracy} (altijd "geen spoor" antwoorden haalt ${MEASURED.alwaysNoTrace}).`),
      h('li', {}, `Van de beloften die we "gerealiseerd" noemen, is dat volgens de beoordelaars ook zo bij ${MEASURED.realisedPrecision}.`),
      h('li', {}, `Statussen met "sterk bewijs": ${MEASURED.strong}.`),
    ),
    h('p', { class: 'meta' }, `Gemeten op ${MEASURED.date} op 32 secties van het regeerakkoord. Een taalmodel dat de kandidaat-bronnen naleest (optioneel) kan de statussen aanscherpen; nagekeken statussen worden zo vermeld.`),
    h('p', {}, h('a', { href: '/beloften' }, 'Naar alle beloften'), ' · ', h('a', { href: '/beloften?confidence=laag' }, 'De beloften die te controleren zijn'), ' · ', h('a', { href: '/beloften?reviewed=ja' }, 'De beloften die de redactie beoordeelde')),
  ]);
}
