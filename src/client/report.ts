/**
 * The after-action report: what happened in a conference, in order and in detail, built from the
 * scenario and the conference alone (its event log is replayed to date every event). Pure: no
 * DOM, no clock, no i18n state — the language is a parameter and the report's words live in a
 * small bilingual table here. `buildReport` gives a document model; `reportMarkdown` renders it as
 * Markdown and `ui/report-view.ts` as HTML, so both say the same thing.
 */
import {
  currentPhase,
  phaseText,
  saveGame,
  send,
  startConference,
  type Conference,
} from '../core/conference';
import { codeAndTitle, dateHeading, dateIn, fill, signedIn } from './i18n';
import { AWARD_NAMES, debriefOf } from '../core/debrief';
import type { ConferenceEvent, Motion, Term } from '../core/events';
import { PROFILES, type DecisionReason } from '../core/profiles';
import {
  amendmentOf,
  METRICS,
  RESPONSE_KINDS,
  type ResponseKind,
  type Scenario,
  type Text,
} from '../core/scenario';
import type { ClosedBallot, ConferenceContext, CrisisState } from '../core/state';
import { speechIn } from '../core/speech';

export type ReportLang = 'en' | 'ru';

// ── words ──────────────────────────────────────────────────────────────────────────────────

const EN = {
  title: 'After-action report: {t}',
  meta_scenario: 'Scenario',
  meta_setting: 'Setting',
  meta_procedure: 'Procedure',
  meta_seed: 'Game seed',
  meta_events: 'Events in the log',
  meta_clock: 'Conference time',
  meta_status: 'Status',
  status_ended: 'the conference has ended',
  status_open: 'not ended: the report shows the game as it stood after event {n} ({phase})',
  sec_outcomes: 'Outcomes',
  sec_timeline: 'Timeline',
  sec_votes: 'Votes',
  sec_crises: 'Crises',
  sec_whatIf: 'Under another procedure',
  sec_metrics: 'Alliance metrics over the conference',
  sec_saidDid: 'Said versus did',
  sec_scores: 'Scores and awards',
  sec_history: 'History notes and sources',
  timelineNote:
    'Every event that matters, in order, with the conference clock (mm:ss). Individual votes are listed under Votes; crisis pledges are sealed until the council decides and are listed under Crises.',
  noTimeline: 'Nothing has happened yet.',
  outcome_adopted: 'adopted',
  outcome_notAdopted: 'not adopted',
  outcome_amendmentAdopted: 'adopted',
  outcome_amendmentNotAdopted: 'rejected',
  outcome_postponed: 'postponed',
  outcome_pending: 'not put to the vote',
  withAmendments: 'with amendments: {a}',
  reason_adopted: 'adopted',
  reason_objection: 'an objection blocked it',
  reason_notUnanimous: 'not unanimous',
  reason_noMajority: 'no majority',
  reason_noTwoThirds: 'short of two thirds',
  reason_noSupport: 'no one voted yes',
  reason_consentMissing: 'a host state did not consent',
  reason_noQuorum: 'no quorum',
  reason_postponed: 'postponed by motion',
  noBallots: 'No ballot has been closed.',
  ballotProposal: 'Ballot {n}: {p}',
  ballotAmendment: 'Ballot {n}: amendment «{a}» to {p}',
  result: 'Result',
  blockedBy: 'blocked by {who}',
  blockedByMany: 'blocked by {who}',
  tally: '{yes} yes, {no} objected, {aside} stood aside, {abst} abstained, {nv} did not vote',
  votedYes: 'Yes',
  votedAside: 'Stood aside',
  votedAbstain: 'Abstained',
  votedNo: 'Objected (no)',
  votedNone: 'Did not vote',
  consentOf: 'Consent required from: {who}',
  eligibleCount: 'Eligible to vote: {n} members; present: {p}',
  none: '—',
  noCrises: 'No crisis arose.',
  crisisAsk:
    'Requesting state: {req}; handled in the game under {art}; the answer it seeks: {asked}.',
  crisisAgainst: 'Named outside actor: {who}.',
  art_art2: 'Article 2 (consultations)',
  art_art4: 'Article 4 (collective defence)',
  responses: 'Responses',
  noResponse: 'no response yet',
  requesterSeat: 'requesting state',
  crisisOpen: 'The council has not decided yet.',
  decision: 'Council decision: {level}. {h}',
  honoured: 'The request is honoured.',
  notHonoured: 'The request is not honoured.',
  satisfaction: 'Requester’s satisfaction: {s}%.',
  participants: 'Taking part at that level: {who}.',
  metricChange: 'Credibility {c}, cohesion {h}.',
  froze: '{req} froze its participation.',
  crisisNotArisen: 'Did not arise: {list}.',
  level_none: 'no collective action',
  resp_object: 'objects to any action',
  resp_standAside: 'stands aside',
  resp_statement: 'a statement of support',
  resp_humanitarian: 'humanitarian aid',
  resp_monitoring: 'a monitoring mission',
  resp_militaryTechnical: 'military-technical aid',
  resp_peacekeepers: 'collective peacekeepers',
  resp_crrf: 'a CRRF contingent',
  whatIfIntro:
    'The same votes and crisis responses counted under the other procedure profiles (standing aside counts as abstaining where a profile has none).',
  whatIfSame: 'Under «{p}» nothing would have changed.',
  whatIfProposal: 'Under «{p}», {what} would {res} (in this game: {actual}).',
  whatIfCrisis: 'Under «{p}», the request in «{what}» would {res} (in this game: {actual}).',
  honouredWord: 'honoured',
  notHonouredWord: 'not honoured',
  wi_adopted: 'have been adopted',
  wi_notAdopted: 'not have been adopted',
  wi_honoured: 'have been honoured',
  wi_notHonoured: 'not have been honoured',
  quote: '“{t}”',
  response: 'Response',
  metricsCaption: 'Alliance metrics (0–100) after each decision',
  step: 'Step',
  time: 'Time',
  step_start: 'Start',
  step_end: 'End',
  step_proposal: 'Vote: {p}',
  step_crisis: 'Crisis: {c}',
  metric_credibility: 'Credibility',
  metric_cohesion: 'Cohesion',
  metric_borderSecurity: 'Border security',
  metric_stratcom: 'Communication and image',
  metric_international: 'International interaction',
  saidDidIntro:
    'What each delegation said in debate against how it voted, and what it promised in negotiation against what it did.',
  statementsCaption: 'Statements against votes: {d}',
  proposal: 'Proposal',
  said: 'Said',
  did: 'Did',
  verdict: 'Verdict',
  stance_support: 'support',
  stance_oppose: 'oppose',
  stance_undecided: 'undecided',
  choice_yes: 'voted yes',
  choice_no: 'objected',
  choice_abstain: 'abstained',
  choice_standAside: 'stood aside',
  choice_notVoting: 'did not vote',
  notVotedOn: 'not put to the vote',
  consistent: 'consistent',
  inconsistent: 'inconsistent',
  noStatements: 'No statements on a proposal.',
  noDeals: 'No offers or commitments.',
  offerMade: 'Offer {n} to {to}: gives {give}; asks {want} — {status}',
  offerReceived: 'Offer {n} from {from}: gives {give}; asks {want} — {status}',
  offer_open: 'open',
  offer_accepted: 'accepted',
  offer_rejected: 'rejected',
  offer_withdrawn: 'withdrawn',
  offer_lapsed: 'lapsed',
  commitmentLine: 'Promised {to}: {term}',
  cm_pending: 'pending (not yet put to the test)',
  cm_kept: 'kept',
  cm_broken: 'broken',
  term_vote: 'a vote «{c}» on {p}',
  term_voteYes: 'yes',
  term_voteStandAside: 'stand aside',
  term_response: 'a response of at least «{r}» to «{c}»',
  term_capital: '{n} political capital',
  term_amendment: 'support for amendment «{a}» to {p}',
  scoresCaption: 'Scores, highest first',
  delegation: 'Delegation',
  objectivePts: 'Objectives',
  alliancePts: 'Alliance',
  reputationPts: 'Reputation',
  total: 'Total',
  kept: 'Kept',
  broken: 'Broken',
  awards: 'Awards',
  noAwards: 'No awards.',
  objectivesOf: 'Objectives: {d}',
  st_met: 'met',
  st_failed: 'failed',
  st_open: 'open',
  points: '{n} {n:point|points}',
  histHappened: 'What actually happened',
  histPositions: 'Stated positions',
  histCorrections: 'Corrections to the 2018 article',
  histSimplifications: 'What this scenario simplifies',
  histSources: 'Sources',
  // event descriptions
  ev_openRollCall: 'The chair opened the roll call.',
  ev_answerRollCall: '{d} answered the roll call: {s}.',
  present: 'present',
  presentAndVoting: 'present and voting',
  ev_agenda: 'Agenda adopted: {list}.',
  ev_item: 'Item {n}: {title} ({props}).',
  ev_join: '{d} asked for the floor.',
  ev_leave: '{d} left the speakers list.',
  ev_recognize: 'The chair gave the floor to {d}.',
  ev_endSpeech: 'The chair ended the speech of {d}.',
  ev_speak_support: '{d} spoke in support of {p}',
  ev_speak_oppose: '{d} spoke against {p}',
  ev_speak_undecided: '{d} spoke, undecided on {p}',
  ev_speak_general: '{d} spoke ({s})',
  ev_yield_chair: '{d} yielded the floor to the chair.',
  ev_yield_questions: '{d} yielded the floor to questions.',
  ev_yield_to: '{d} yielded the floor to {to}.',
  ev_point: '{d} raised {k}',
  point_order: 'a point of order',
  point_personalPrivilege: 'a point of personal privilege',
  point_parliamentaryInquiry: 'a parliamentary inquiry',
  point_information: 'a point of information',
  ev_rulePoint: 'The chair ruled on {k} by {d}: {r}.',
  ruling_wellTaken: 'well taken',
  ruling_notWellTaken: 'not well taken',
  ruling_answered: 'answered',
  ruling_outOfOrder: 'out of order',
  ev_move: '{d} moved {m}.',
  motion_moderatedCaucus: 'a moderated caucus ({min} min, {s} s speeches)',
  motion_unmoderatedCaucus: 'an unmoderated caucus ({min} min)',
  motion_closeDebate: 'to close debate and vote',
  motion_setSpeakingTime: 'to set the speaking time to {s} s',
  motion_suspendMeeting: 'to suspend the meeting',
  motion_postponeProposal: 'to postpone {p}',
  ev_putMotion: 'The chair put the motion by {d} ({m}) to the vote.',
  ev_grantMotion: 'The chair granted the motion by {d}: {m}.',
  ev_motionOutOfOrder: 'The chair ruled the motion by {d} ({m}) out of order.',
  ev_voteMotion: '{d} voted {c} on the motion.',
  yesWord: 'yes',
  noWord: 'no',
  ev_motionResult: 'The motion by {d} ({m}) {r} ({yes} yes, {no} no).',
  carried: 'carried',
  failed: 'failed',
  ev_amendProposed: '{d} tabled amendment «{a}» to {p}.',
  ev_amendFriendlyOwn:
    '{d}, the sponsor, tabled amendment «{a}» to {p}: it is in the text as friendly.',
  ev_amendAccepted: '{d}, the sponsor, accepted amendment «{a}» to {p} as friendly.',
  ev_amendWithdrawn: '{d} withdrew amendment «{a}» to {p}.',
  ev_offer: '{from} offered {to}: gives {give}; asks {want}.',
  ev_offerAccepted: '{to} accepted offer {n} from {from}.',
  ev_offerRejected: '{to} rejected offer {n} from {from}.',
  ev_offerWithdrawn: '{from} withdrew offer {n} to {to}.',
  ev_openVoting: 'Debate closed; voting opened on: {list}.',
  ev_vote: '{d}: {c} on {p}.',
  ev_ballot: 'Vote on {p}: {res}. {tally}.',
  ev_ballotAmendment: 'Vote on amendment «{a}» to {p}: {res}. {tally}.',
  ev_crisisOpened: 'Crisis: {title}. {ask}',
  ev_backToAgenda: 'The council returned to the agenda.',
  ev_respond: '{d} responded to the crisis (sealed until the council decides).',
  ev_crisisDecided: 'Council decision on «{title}»: {level}. {h}',
  ev_announce: 'Announcement: {text}',
  ev_pause: 'The chair paused the conference.',
  ev_resume: 'The chair resumed the conference.',
  ev_suspended: 'The meeting is suspended.',
  ev_end: 'The conference ended.',
  ev_endByChair: 'The chair ended the conference.',
  ev_message: '{from} sent a private message to {to}.',
  ev_messageTeam: '{from} wrote to its own team.',
  ev_tick: '{s} s passed.',
  ev_caucusEnded: 'The caucus ended; formal debate resumes.',
  ev_seat_human: '{d} is now played by people.',
  ev_seat_ai: '{d} is now played by the AI.',
  ev_why: 'Why: {w}',
  // report view
  exportMd: 'Export as Markdown',
  exportJson: 'Export as JSON',
  print: 'Print',
  actions: 'Report actions',
};
type WordKey = keyof typeof EN;

const RU: Record<WordKey, string> = {
  title: 'Отчёт о конференции: {t}',
  meta_scenario: 'Сценарий',
  meta_setting: 'Место и время',
  meta_procedure: 'Порядок принятия решений',
  meta_seed: 'Номер партии',
  meta_events: 'Событий в журнале',
  meta_clock: 'Время конференции',
  meta_status: 'Состояние',
  status_ended: 'конференция завершена',
  status_open: 'не завершена: отчёт показывает игру после события {n} ({phase})',
  sec_outcomes: 'Итоги',
  sec_timeline: 'Хронология',
  sec_votes: 'Голосования',
  sec_crises: 'Кризисы',
  sec_whatIf: 'При другом порядке принятия решений',
  sec_metrics: 'Показатели союза по ходу конференции',
  sec_saidDid: 'Слова и дела',
  sec_scores: 'Результаты и награды',
  sec_history: 'Историческая справка и источники',
  timelineNote:
    'Все значимые события по порядку, со временем конференции (мм:сс). Голоса каждой делегации приведены в разделе «Голосования»; ответы на кризис закрыты до решения Совета и приведены в разделе «Кризисы».',
  noTimeline: 'Пока ничего не произошло.',
  outcome_adopted: 'принято',
  outcome_notAdopted: 'не принято',
  outcome_amendmentAdopted: 'принята',
  outcome_amendmentNotAdopted: 'отклонена',
  outcome_postponed: 'отложено',
  outcome_pending: 'не ставилось на голосование',
  withAmendments: 'с поправками: {a}',
  reason_adopted: 'принято',
  reason_objection: 'заблокировано возражением',
  reason_notUnanimous: 'нет единогласия',
  reason_noMajority: 'нет большинства',
  reason_noTwoThirds: 'меньше двух третей',
  reason_noSupport: 'никто не проголосовал «за»',
  reason_consentMissing: 'нет согласия принимающего государства',
  reason_noQuorum: 'нет кворума',
  reason_postponed: 'отложено по процедурному предложению',
  noBallots: 'Ни одно голосование не завершено.',
  ballotProposal: 'Голосование {n}: {p}',
  ballotAmendment: 'Голосование {n}: поправка «{a}» к предложению {p}',
  result: 'Итог',
  blockedBy: 'заблокировала делегация «{who}»',
  blockedByMany: 'заблокировали делегации: {who}',
  tally:
    '«За» — {yes}, возразили — {no}, не участвовали — {aside}, воздержались — {abst}, не голосовали — {nv}',
  votedYes: 'За',
  votedAside: 'Не участвовали',
  votedAbstain: 'Воздержались',
  votedNo: 'Возразили (против)',
  votedNone: 'Не голосовали',
  consentOf: 'Требуется согласие: {who}',
  eligibleCount: 'Имеют право голоса: {n}; присутствуют: {p}',
  none: '—',
  noCrises: 'Кризисов не было.',
  crisisAsk:
    'Запрашивающее государство: {req}; основание в игре: {art}; ответ, которого оно добивается: {asked}.',
  crisisAgainst: 'Названная внешняя сторона: {who}.',
  art_art2: 'статья 2 (консультации)',
  art_art4: 'статья 4 (коллективная оборона)',
  responses: 'Ответы',
  noResponse: 'ответа пока нет',
  requesterSeat: 'запрашивающее государство',
  crisisOpen: 'Совет ещё не принял решения.',
  decision: 'Решение Совета: {level}. {h}',
  honoured: 'Просьба удовлетворена.',
  notHonoured: 'Просьба не удовлетворена.',
  satisfaction: 'Удовлетворённость запросившей стороны: {s}%.',
  participants: 'Участвуют на этом уровне: {who}.',
  metricChange: 'Доверие {c}, сплочённость {h}.',
  froze: '{req} приостанавливает участие.',
  crisisNotArisen: 'Не возникли: {list}.',
  level_none: 'без коллективных действий',
  resp_object: 'возражает против любых действий',
  resp_standAside: 'не участвует',
  resp_statement: 'заявление в поддержку',
  resp_humanitarian: 'гуманитарная помощь',
  resp_monitoring: 'миссия наблюдателей',
  resp_militaryTechnical: 'военно-техническая помощь',
  resp_peacekeepers: 'Коллективные миротворческие силы',
  resp_crrf: 'контингент КСОР',
  whatIfIntro:
    'Те же голоса и ответы на кризисы, подсчитанные при другом порядке принятия решений (где неучастие не предусмотрено, оно считается воздержанием).',
  whatIfSame: 'При порядке «{p}» ничего бы не изменилось.',
  whatIfProposal: 'При порядке «{p}» предложение {what} {res} (в этой игре: {actual}).',
  whatIfCrisis: 'При порядке «{p}» просьба в кризисе «{what}» {res} (в этой игре: {actual}).',
  honouredWord: 'удовлетворена',
  notHonouredWord: 'не удовлетворена',
  wi_adopted: 'было бы принято',
  wi_notAdopted: 'не было бы принято',
  wi_honoured: 'была бы удовлетворена',
  wi_notHonoured: 'не была бы удовлетворена',
  quote: '«{t}»',
  response: 'Ответ',
  metricsCaption: 'Показатели союза (0–100) после каждого решения',
  step: 'Шаг',
  time: 'Время',
  step_start: 'Начало',
  step_end: 'Конец',
  step_proposal: 'Голосование: {p}',
  step_crisis: 'Кризис: {c}',
  metric_credibility: 'Доверие к союзу',
  metric_cohesion: 'Сплочённость',
  metric_borderSecurity: 'Безопасность границ',
  metric_stratcom: 'Коммуникация и имидж',
  metric_international: 'Международное взаимодействие',
  saidDidIntro:
    'Позиция каждой делегации в прениях — и её голос; обещания на переговорах — и их выполнение.',
  statementsCaption: 'Выступления и голоса: {d}',
  proposal: 'Предложение',
  said: 'Позиция в прениях',
  did: 'Голосование',
  verdict: 'Оценка',
  stance_support: 'за',
  stance_oppose: 'против',
  stance_undecided: 'не определилась',
  choice_yes: 'за',
  choice_no: 'против (возражение)',
  choice_abstain: 'воздержание',
  choice_standAside: 'неучастие',
  choice_notVoting: 'не голосовала',
  notVotedOn: 'не ставилось на голосование',
  consistent: 'последовательно',
  inconsistent: 'непоследовательно',
  noStatements: 'Выступлений по предложениям не было.',
  noDeals: 'Сделок и обязательств не было.',
  offerMade: 'Предложение о сделке {n} делегации {to}: даёт {give}; просит {want} — {status}',
  offerReceived:
    'Предложение о сделке {n} от делегации {from}: даёт {give}; просит {want} — {status}',
  offer_open: 'открыто',
  offer_accepted: 'принято',
  offer_rejected: 'отклонено',
  offer_withdrawn: 'отозвано',
  offer_lapsed: 'утратило силу',
  commitmentLine: 'Обещание делегации {to}: {term}',
  cm_pending: 'ещё не проверено',
  cm_kept: 'выполнено',
  cm_broken: 'нарушено',
  term_vote: 'голос «{c}» по предложению {p}',
  term_voteYes: 'за',
  term_voteStandAside: 'неучастие',
  term_response: 'ответ не слабее «{r}» в кризисе «{c}»',
  term_capital: '{n} ед. политического капитала',
  term_amendment: 'поддержку поправки «{a}» к предложению {p}',
  scoresCaption: 'Результаты, по убыванию',
  delegation: 'Делегация',
  objectivePts: 'Цели',
  alliancePts: 'Союз',
  reputationPts: 'Репутация',
  total: 'Итого',
  kept: 'Выполнено',
  broken: 'Нарушено',
  awards: 'Награды',
  noAwards: 'Наград нет.',
  objectivesOf: 'Цели: {d}',
  st_met: 'достигнута',
  st_failed: 'не достигнута',
  st_open: 'пока не решена',
  points: '{n} {n:очко|очка|очков}',
  histHappened: 'Как было на самом деле',
  histPositions: 'Заявленные позиции сторон',
  histCorrections: 'Уточнения к публикации 2018 года',
  histSimplifications: 'Что упрощено в сценарии',
  histSources: 'Источники',
  ev_openRollCall: 'Председатель открывает перекличку.',
  ev_answerRollCall: '{d} на перекличке: {s}.',
  present: 'присутствует',
  presentAndVoting: 'присутствует и голосует',
  ev_agenda: 'Повестка утверждена: {list}.',
  ev_item: 'Пункт {n}: {title} ({props}).',
  ev_join: '{d} просит слова.',
  ev_leave: '{d} выходит из списка ораторов.',
  ev_recognize: 'Председатель предоставляет слово: {d}.',
  ev_endSpeech: 'Председатель завершает выступление: {d}.',
  ev_speak_support: '{d} выступает в поддержку предложения {p}',
  ev_speak_oppose: '{d} выступает против предложения {p}',
  ev_speak_undecided: '{d} выступает по предложению {p}, не определив позицию',
  ev_speak_general: '{d} выступает (позиция: {s})',
  ev_yield_chair: '{d} уступает слово председателю.',
  ev_yield_questions: '{d} отвечает на вопросы.',
  ev_yield_to: '{d} уступает слово делегации {to}.',
  ev_point: '{d}: {k}',
  point_order: 'реплика по порядку ведения',
  point_personalPrivilege: 'реплика по личному вопросу',
  point_parliamentaryInquiry: 'процедурный вопрос',
  point_information: 'вопрос к оратору',
  ev_rulePoint: 'Решение председателя ({k}, делегация «{d}»): {r}.',
  ruling_wellTaken: 'принята',
  ruling_notWellTaken: 'отклонена',
  ruling_answered: 'дан ответ',
  ruling_outOfOrder: 'не по порядку',
  ev_move: '{d} вносит предложение: {m}.',
  motion_moderatedCaucus: 'модерируемые консультации ({min} мин, выступления по {s} с)',
  motion_unmoderatedCaucus: 'неформальные консультации ({min} мин)',
  motion_closeDebate: 'прекратить прения и голосовать',
  motion_setSpeakingTime: 'установить регламент {s} с',
  motion_suspendMeeting: 'объявить перерыв в заседании',
  motion_postponeProposal: 'отложить предложение {p}',
  ev_putMotion: 'Председатель ставит на голосование предложение делегации {d} ({m}).',
  ev_grantMotion: 'Председатель удовлетворяет предложение делегации {d}: {m}.',
  ev_motionOutOfOrder:
    'Председатель признаёт предложение делегации {d} ({m}) не соответствующим порядку.',
  ev_voteMotion: '{d} голосует «{c}» по процедурному предложению.',
  yesWord: 'за',
  noWord: 'против',
  ev_motionResult: 'Предложение делегации {d} ({m}) {r} («за» — {yes}, «против» — {no}).',
  carried: 'принято',
  failed: 'отклонено',
  ev_amendProposed: '{d} вносит поправку «{a}» к предложению {p}.',
  ev_amendFriendlyOwn:
    '{d}, автор предложения, вносит поправку «{a}» к предложению {p}: она включена в текст как дружественная.',
  ev_amendAccepted:
    '{d}, автор предложения, принимает поправку «{a}» к предложению {p} как дружественную.',
  ev_amendWithdrawn: '{d} отзывает поправку «{a}» к предложению {p}.',
  ev_offer: '{from} предлагает делегации {to} сделку: даёт {give}; просит {want}.',
  ev_offerAccepted: '{to} принимает предложение о сделке {n} от делегации {from}.',
  ev_offerRejected: '{to} отклоняет предложение о сделке {n} от делегации {from}.',
  ev_offerWithdrawn: '{from} отзывает предложение о сделке {n} делегации {to}.',
  ev_openVoting: 'Прения закрыты; голосование по вопросам: {list}.',
  ev_vote: '{d}: {c} — {p}.',
  ev_ballot: 'Голосование по предложению {p}: {res}. {tally}.',
  ev_ballotAmendment: 'Голосование по поправке «{a}» к предложению {p}: {res}. {tally}.',
  ev_crisisOpened: 'Кризис: {title}. {ask}',
  ev_backToAgenda: 'Совет вернулся к повестке.',
  ev_respond: '{d} отвечает на кризис (ответ закрыт до решения Совета).',
  ev_crisisDecided: 'Решение Совета по кризису «{title}»: {level}. {h}',
  ev_announce: 'Объявление: {text}',
  ev_pause: 'Председатель приостанавливает конференцию.',
  ev_resume: 'Председатель возобновляет конференцию.',
  ev_suspended: 'В заседании объявлен перерыв.',
  ev_end: 'Конференция завершена.',
  ev_endByChair: 'Председатель завершает конференцию.',
  ev_message: '{from} отправляет личное сообщение делегации {to}.',
  ev_messageTeam: '{from} пишет своей команде.',
  ev_tick: 'Прошло {s} с.',
  ev_caucusEnded: 'Консультации окончены; возобновляются официальные прения.',
  ev_seat_human: 'Делегацию «{d}» теперь ведут люди.',
  ev_seat_ai: 'Делегацию «{d}» теперь ведёт ИИ.',
  ev_why: 'Почему: {w}',
  exportMd: 'Скачать в Markdown',
  exportJson: 'Скачать в JSON',
  print: 'Печать',
  actions: 'Действия с отчётом',
};

const TABLES: Record<ReportLang, Record<WordKey, string>> = { en: EN, ru: RU };

/** The report's words in a language, with {named} parameters filled in. */
export const word = (
  lang: ReportLang,
  key: WordKey,
  params: Record<string, string | number> = {},
): string => fill(TABLES[lang][key], params, lang);

/** Keys of the report's word table (tests check both languages have each). */
export const REPORT_WORD_KEYS = Object.keys(EN) as WordKey[];
export const reportWordTable = (lang: ReportLang): Readonly<Record<WordKey, string>> =>
  TABLES[lang];

// ── helpers ────────────────────────────────────────────────────────────────────────────────

/** The conference clock as mm:ss (minutes may exceed 59). */
export const clockMmSs = (s: number): string =>
  `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

const pick = (text: Text, lang: ReportLang): string => text[lang];

/** Names and titles from the scenario, in one language. */
export class Namer {
  constructor(
    readonly scenario: Scenario,
    readonly lang: ReportLang,
  ) {}
  w(key: WordKey, params: Record<string, string | number> = {}): string {
    return word(this.lang, key, params);
  }
  /** Who blocked a decision (a verb that agrees with one delegation or several, in Russian). */
  blockedBy(ids: readonly string[]): string {
    return this.w(ids.length === 1 ? 'blockedBy' : 'blockedByMany', { who: this.list(ids) });
  }
  signed(x: number): string {
    return signedIn(x, this.lang);
  }
  delegation(id: string): string {
    const d = this.scenario.delegations.find((x) => x.id === id);
    if (d) return pick(d.name, this.lang);
    const a = this.scenario.actors.find((x) => x.id === id);
    if (a) return pick(a.name, this.lang);
    if (id === 'csto') return this.lang === 'ru' ? 'ОДКБ' : 'CSTO';
    return id;
  }
  list(ids: readonly string[]): string {
    return ids.length ? ids.map((d) => this.delegation(d)).join(', ') : this.w('none');
  }
  proposal(id: string): string {
    const p = this.scenario.proposals.find((x) => x.id === id);
    return p ? codeAndTitle(p.code, pick(p.title, this.lang), this.lang) : id;
  }
  amendment(proposal: string, id: string): string {
    const a = amendmentOf(this.scenario, proposal, id);
    return a ? pick(a.title, this.lang) : id;
  }
  crisis(id: string): string {
    const c = this.scenario.crises.find((x) => x.id === id);
    return c ? pick(c.title, this.lang) : id;
  }
  response(kind: ResponseKind): string {
    return this.w(`resp_${kind}`);
  }
  level(level: number): string {
    return level >= 1 ? this.response(RESPONSE_KINDS[level + 1]!) : this.w('level_none');
  }
  term(t: Term): string {
    switch (t.type) {
      case 'vote':
        return this.w('term_vote', {
          c: this.w(t.choice === 'yes' ? 'term_voteYes' : 'term_voteStandAside'),
          p: this.proposal(t.proposal),
        });
      case 'response':
        return this.w('term_response', { r: this.response(t.atLeast), c: this.crisis(t.crisis) });
      case 'capital':
        return this.w('term_capital', { n: t.amount });
      case 'amendment':
        return this.w('term_amendment', {
          a: this.amendment(t.proposal, t.amendment),
          p: this.proposal(t.proposal),
        });
    }
  }
  terms(ts: readonly Term[]): string {
    return ts.map((t) => this.term(t)).join(', ');
  }
  motion(m: Motion): string {
    switch (m.kind) {
      case 'moderatedCaucus':
        return this.w('motion_moderatedCaucus', { min: m.minutes, s: m.speakingSeconds });
      case 'unmoderatedCaucus':
        return this.w('motion_unmoderatedCaucus', { min: m.minutes });
      case 'setSpeakingTime':
        return this.w('motion_setSpeakingTime', { s: m.seconds });
      case 'postponeProposal':
        return this.w('motion_postponeProposal', { p: this.proposal(m.proposal) });
      default:
        return this.w(`motion_${m.kind}`);
    }
  }
  ballotTitle(b: { kind: 'amendment' | 'proposal'; proposal: string; amendment?: string }): string {
    return b.kind === 'amendment'
      ? `«${this.amendment(b.proposal, b.amendment ?? '')}» → ${this.proposal(b.proposal)}`
      : this.proposal(b.proposal);
  }
  reason(r: DecisionReason | 'postponed'): string {
    return this.w(`reason_${r}`);
  }
  tally(b: ClosedBallot): string {
    const t = b.decision.tally;
    return this.w('tally', {
      yes: t.yes,
      no: t.no,
      aside: t.standAside,
      abst: t.abstain,
      nv: t.notVoting,
    });
  }
  ballotResult(b: ClosedBallot): string {
    // Russian agrees the word with "поправка" (feminine) and "предложение" (neuter).
    const res =
      b.kind === 'amendment'
        ? this.w(b.decision.adopted ? 'outcome_amendmentAdopted' : 'outcome_amendmentNotAdopted')
        : this.w(b.decision.adopted ? 'outcome_adopted' : 'outcome_notAdopted');
    const why = b.decision.adopted ? '' : ` (${this.reason(b.decision.reason)})`;
    const blockers = b.decision.blockers.length ? `; ${this.blockedBy(b.decision.blockers)}` : '';
    return `${res}${why}${blockers}`;
  }
  /** Who voted what on a closed ballot, one group a part ("Yes: A, B"), empty groups left out. */
  voteGroups(b: ClosedBallot): string[] {
    const g = ballotGroups(this.scenario, b);
    return VOTE_GROUPS.filter(([, k]) => g[k].length).map(
      ([label, k]) => `${this.w(label)}: ${this.list(g[k])}`,
    );
  }
  /** The council's decision on a crisis, with what it did to the alliance's metrics. */
  crisisDecision(id: string, st: CrisisState): string {
    const c = this.scenario.crises.find((x) => x.id === id);
    const froze = st.froze && c ? ` ${this.w('froze', { req: this.delegation(c.requester) })}` : '';
    return `${this.w('ev_crisisDecided', {
      title: this.crisis(id),
      level: this.level(st.level),
      h: this.w(st.honoured ? 'honoured' : 'notHonoured'),
    })} ${this.w('metricChange', { c: this.signed(st.credibilityChange), h: this.signed(st.cohesionChange) })}${froze}`;
  }
  crisisAsk(id: string): string {
    const c = this.scenario.crises.find((x) => x.id === id);
    if (!c) return '';
    return this.w('crisisAsk', {
      req: this.delegation(c.requester),
      asked: this.response(c.asked),
      art: this.w(`art_${c.article}`),
    });
  }
}

// ── replaying the log ──────────────────────────────────────────────────────────────────────

/**
 * The context before the first event and after each event: `contexts[i]` is the state once `i`
 * events have been applied. The log was accepted once, so every event is accepted again; should
 * one not be (a log from different rules), the list stops there.
 */
export const contextsOf = (scenario: Scenario, conference: Conference): ConferenceContext[] => {
  let c = startConference(scenario, conference.options);
  const out = [c.snapshot.context];
  for (const e of conference.log) {
    const r = send(c, e);
    if (!r.ok) break;
    c = r.conference;
    out.push(c.snapshot.context);
  }
  return out;
};

// ── one event in words ─────────────────────────────────────────────────────────────────────

export type StepKind =
  | 'procedure'
  | 'speech'
  | 'point'
  | 'motion'
  | 'amendment'
  | 'offer'
  | 'voting'
  | 'vote'
  | 'ballot'
  | 'crisisOpened'
  | 'crisisResponse'
  | 'crisisDecided'
  | 'announcement'
  | 'item'
  | 'end'
  | 'minor';

export interface StepText {
  /** The event described in words, in the report's language. */
  text: string;
  kind: StepKind;
  /** Whether it belongs on the timeline (individual votes and speaking-list moves do not). */
  major: boolean;
  /** The reasons an AI gave for this decision, if any. */
  why?: string;
}

const motionTally = (votes: Record<string, 'yes' | 'no'>) => {
  let yes = 0;
  let no = 0;
  for (const v of Object.values(votes))
    if (v === 'yes') yes++;
    else no++;
  return { yes, no };
};

/** Describes an accepted event from the contexts before and after it. */
export const describeStep = (
  scenario: Scenario,
  before: ConferenceContext,
  after: ConferenceContext,
  e: ConferenceEvent,
  lang: ReportLang,
): StepText => {
  const n = new Namer(scenario, lang);
  const d = (id: string) => n.delegation(id);
  const out = (text: string, kind: StepKind, major = true): StepText => ({
    text,
    kind,
    major,
    ...(e.why ? { why: n.w('ev_why', { w: pick(e.why.summary, lang) }) } : {}),
  });
  const itemText = (ctx: ConferenceContext) => {
    const id = ctx.agenda[ctx.item];
    const item = scenario.agenda.find((a) => a.id === id);
    if (!item) return '';
    return n.w('ev_item', {
      n: ctx.item + 1,
      title: pick(item.title, lang),
      props: item.proposals.map((p) => n.proposal(p)).join('; '),
    });
  };
  switch (e.type) {
    case 'chair.openRollCall':
      return out(n.w('ev_openRollCall'), 'procedure', false);
    case 'delegate.answerRollCall':
      return out(
        n.w('ev_answerRollCall', {
          d: d(e.seat),
          s: n.w(e.status === 'presentAndVoting' ? 'presentAndVoting' : 'present'),
        }),
        'procedure',
        false,
      );
    case 'chair.closeRollCall': {
      const r = after.rulings[after.rulings.length - 1];
      return out(r ? pick(r.text, lang) : n.w('ev_openRollCall'), 'procedure');
    }
    case 'chair.adoptAgenda': {
      const list = after.agenda
        .map((id) => {
          const item = scenario.agenda.find((a) => a.id === id);
          return item ? pick(item.title, lang) : id;
        })
        .join('; ');
      return out(`${n.w('ev_agenda', { list })} ${itemText(after)}`, 'item');
    }
    case 'delegate.joinSpeakers':
      return out(n.w('ev_join', { d: d(e.seat) }), 'procedure', false);
    case 'delegate.leaveSpeakers':
      return out(n.w('ev_leave', { d: d(e.seat) }), 'procedure', false);
    case 'chair.recognize':
      return out(n.w('ev_recognize', { d: d(e.delegation) }), 'procedure', false);
    case 'chair.endSpeech':
      return out(
        n.w('ev_endSpeech', { d: before.speaker ? d(before.speaker.delegation) : '' }),
        'procedure',
        false,
      );
    case 'delegate.speak': {
      const head = e.proposal
        ? n.w(`ev_speak_${e.stance}`, { d: d(e.seat), p: n.proposal(e.proposal) })
        : n.w('ev_speak_general', { d: d(e.seat), s: n.w(`stance_${e.stance}`) });
      const said = e.text ? speechIn(e.text, lang).trim() : '';
      return out(said ? `${head}: ${n.w('quote', { t: said })}` : `${head}.`, 'speech');
    }
    case 'delegate.yield':
      return out(
        e.to === 'chair'
          ? n.w('ev_yield_chair', { d: d(e.seat) })
          : e.to === 'questions'
            ? n.w('ev_yield_questions', { d: d(e.seat) })
            : n.w('ev_yield_to', { d: d(e.seat), to: d(e.to) }),
        'procedure',
        false,
      );
    case 'delegate.raisePoint': {
      const head = n.w('ev_point', { d: d(e.seat), k: n.w(`point_${e.point}`) });
      return out(e.text ? `${head}: ${n.w('quote', { t: e.text.trim() })}` : `${head}.`, 'point');
    }
    case 'chair.rulePoint': {
      const p = before.point;
      return out(
        n.w('ev_rulePoint', {
          k: p ? n.w(`point_${p.point}`) : '',
          d: p ? d(p.by) : '',
          r: n.w(`ruling_${e.ruling}`),
        }),
        'point',
      );
    }
    case 'delegate.move':
      return out(n.w('ev_move', { d: d(e.seat), m: n.motion(e.motion) }), 'motion');
    case 'chair.putMotion': {
      const m = before.motions[e.index];
      if (!m) return out(n.w('ev_putMotion', { d: '', m: '' }), 'motion');
      const voted = after.motionVote !== null;
      return out(
        n.w(voted ? 'ev_putMotion' : 'ev_grantMotion', { d: d(m.by), m: n.motion(m.motion) }),
        'motion',
        !voted,
      );
    }
    case 'chair.ruleMotionOutOfOrder': {
      const m = before.motions[e.index];
      return out(
        n.w('ev_motionOutOfOrder', {
          d: m ? d(m.by) : '',
          m: m ? n.motion(m.motion) : '',
        }),
        'motion',
      );
    }
    case 'delegate.voteMotion':
      return out(
        n.w('ev_voteMotion', { d: d(e.seat), c: n.w(e.choice === 'yes' ? 'yesWord' : 'noWord') }),
        'vote',
        false,
      );
    case 'chair.closeMotionVote': {
      const mv = before.motionVote;
      if (!mv) return out(n.w('ev_suspended'), 'motion');
      const last = after.rulings[after.rulings.length - 1];
      const carried = last ? /carried/.test(last.text.en) : false;
      const { yes, no } = motionTally(mv.votes);
      const text = n.w('ev_motionResult', {
        d: d(mv.motion.by),
        m: n.motion(mv.motion.motion),
        r: n.w(carried ? 'carried' : 'failed'),
        yes,
        no,
      });
      return out(
        after.paused && !before.paused ? `${text} ${n.w('ev_suspended')}` : text,
        'motion',
      );
    }
    case 'delegate.proposeAmendment': {
      const a = after.amendments[after.amendments.length - 1];
      const key = a?.status === 'friendly' ? 'ev_amendFriendlyOwn' : 'ev_amendProposed';
      return out(
        n.w(key, {
          d: d(e.seat),
          a: n.amendment(e.proposal, e.amendment),
          p: n.proposal(e.proposal),
        }),
        'amendment',
      );
    }
    case 'delegate.acceptAmendment':
      return out(
        n.w('ev_amendAccepted', {
          d: d(e.seat),
          a: n.amendment(e.proposal, e.amendment),
          p: n.proposal(e.proposal),
        }),
        'amendment',
      );
    case 'delegate.withdrawAmendment':
      return out(
        n.w('ev_amendWithdrawn', {
          d: d(e.seat),
          a: n.amendment(e.proposal, e.amendment),
          p: n.proposal(e.proposal),
        }),
        'amendment',
      );
    case 'delegate.makeOffer':
      return out(
        n.w('ev_offer', {
          from: d(e.seat),
          to: d(e.to),
          give: n.terms(e.give),
          want: n.terms(e.want),
        }),
        'offer',
      );
    case 'delegate.acceptOffer':
    case 'delegate.rejectOffer':
    case 'delegate.withdrawOffer': {
      const o = before.offers[e.offer];
      const key =
        e.type === 'delegate.acceptOffer'
          ? 'ev_offerAccepted'
          : e.type === 'delegate.rejectOffer'
            ? 'ev_offerRejected'
            : 'ev_offerWithdrawn';
      return out(
        n.w(key, { n: e.offer + 1, from: o ? d(o.from) : '', to: o ? d(o.to) : '' }),
        'offer',
      );
    }
    case 'chair.openVoting': {
      const list = after.ballots.map((b) => n.ballotTitle(b)).join('; ');
      return out(n.w('ev_openVoting', { list }), 'voting');
    }
    case 'delegate.vote': {
      const b = before.ballots[before.ballot];
      return out(
        n.w('ev_vote', {
          d: d(e.seat),
          c: n.w(`choice_${e.choice}`),
          p: b ? n.ballotTitle(b) : '',
        }),
        'vote',
        false,
      );
    }
    case 'chair.closeBallot': {
      const b = after.closed[after.closed.length - 1]!;
      const res = n.ballotResult(b);
      const text =
        b.kind === 'amendment'
          ? n.w('ev_ballotAmendment', {
              a: n.amendment(b.proposal, b.amendment ?? ''),
              p: n.proposal(b.proposal),
              res,
              tally: n.tally(b),
            })
          : n.w('ev_ballot', { p: n.proposal(b.proposal), res, tally: n.tally(b) });
      return out(text, 'ballot');
    }
    case 'chair.nextItem':
    case 'chair.injectCrisis': {
      if (after.ended && !before.ended) return out(n.w('ev_end'), 'end');
      if (after.crisis && after.crisis !== before.crisis)
        return out(
          n.w('ev_crisisOpened', { title: n.crisis(after.crisis), ask: n.crisisAsk(after.crisis) }),
          'crisisOpened',
        );
      if (before.crisis && !after.crisis) return out(n.w('ev_backToAgenda'), 'procedure', false);
      if (after.item !== before.item) return out(itemText(after), 'item');
      return out(n.w('ev_backToAgenda'), 'procedure', false);
    }
    case 'delegate.respond':
      return out(n.w('ev_respond', { d: d(e.seat) }), 'crisisResponse', false);
    case 'chair.closeResponses': {
      const id = before.crisis ?? '';
      const st = after.crises[id];
      if (!st) return out(n.w('crisisOpen'), 'crisisDecided');
      return out(n.crisisDecision(id, st), 'crisisDecided');
    }
    case 'chair.announce':
      return out(n.w('ev_announce', { text: pick(e.text, lang) }), 'announcement');
    case 'chair.pause':
      return out(n.w('ev_pause'), 'procedure');
    case 'chair.resume':
      return out(n.w('ev_resume'), 'procedure');
    case 'chair.endConference':
      return out(n.w('ev_endByChair'), 'end');
    case 'delegate.message':
      return out(
        e.to === 'team'
          ? n.w('ev_messageTeam', { from: d(e.seat) })
          : n.w('ev_message', { from: d(e.seat), to: d(e.to) }),
        'minor',
        false,
      );
    case 'clock.tick': {
      const ended = before.caucus && !after.caucus;
      return ended
        ? out(n.w('ev_caucusEnded'), 'procedure')
        : out(n.w('ev_tick', { s: e.seconds }), 'minor', false);
    }
    case 'system.seatControl':
      return out(
        n.w(e.controller === 'ai' ? 'ev_seat_ai' : 'ev_seat_human', { d: d(e.delegation) }),
        'minor',
        false,
      );
  }
  // An event type added to the core after this file: named, not described.
  return out((e as { type: string }).type, 'minor', false);
};

// ── the document model ─────────────────────────────────────────────────────────────────────

export type Inline =
  string | { strong: string } | { em: string } | { time: string } | { link: string; href: string };

export type Block =
  | { type: 'p'; content: Inline[] }
  | { type: 'h3'; text: string }
  | { type: 'list'; ordered?: boolean; cls?: string; items: Inline[][] }
  | {
      type: 'table';
      caption: string;
      head: string[];
      /** The first cell of each row is its header. */
      rows: Inline[][][];
    };

export interface ReportSection {
  id: string;
  heading: string;
  blocks: Block[];
}

export interface ReportDoc {
  lang: ReportLang;
  title: string;
  /** File names for exports, without extension. */
  fileBase: string;
  intro: Block[];
  sections: ReportSection[];
}

export interface TimelineEntry {
  index: number;
  clock: number;
  kind: StepKind;
  text: string;
}

/** Every event that matters, in order, with the clock after it. */
export const timelineOf = (
  scenario: Scenario,
  conference: Conference,
  lang: ReportLang,
  contexts = contextsOf(scenario, conference),
): TimelineEntry[] => {
  const out: TimelineEntry[] = [];
  for (let i = 0; i + 1 < contexts.length; i++) {
    const s = describeStep(scenario, contexts[i]!, contexts[i + 1]!, conference.log[i]!, lang);
    if (s.major) out.push({ index: i, clock: contexts[i + 1]!.clock, kind: s.kind, text: s.text });
  }
  return out;
};

/** The groups of a closed ballot's voters, in the order they are listed; the last did not vote. */
const VOTE_GROUPS = [
  ['votedYes', 'yes'],
  ['votedAside', 'standAside'],
  ['votedAbstain', 'abstain'],
  ['votedNo', 'no'],
  ['votedNone', 'none'],
] as const;

/** Who voted what on a closed ballot, in scenario order; `none` lists eligible non-voters. */
export const ballotGroups = (
  scenario: Scenario,
  b: ClosedBallot,
): Record<'yes' | 'standAside' | 'abstain' | 'no' | 'none', string[]> => {
  const order = scenario.delegations.map((d) => d.id);
  const by = (pred: (id: string) => boolean) => order.filter(pred);
  return {
    yes: by((d) => b.votes[d] === 'yes'),
    standAside: by((d) => b.votes[d] === 'standAside'),
    abstain: by((d) => b.votes[d] === 'abstain'),
    no: by((d) => b.votes[d] === 'no'),
    none: by((d) => b.eligible.includes(d) && b.votes[d] === undefined),
  };
};

const sourceLinks = (scenario: Scenario, ids: readonly string[], lang: ReportLang): Inline[] => {
  const out: Inline[] = [' ('];
  ids.forEach((id, i) => {
    if (i) out.push('; ');
    const s = scenario.sources.find((x) => x.id === id);
    out.push(
      s
        ? {
            link: `${s.publisher ? `${s.publisher}: ` : ''}${s.title} (${dateIn(s.date, lang)})`,
            href: s.url,
          }
        : id,
    );
  });
  out.push(')');
  return out;
};

/** The whole after-action report as a document, in one language. */
export const buildReport = (
  scenario: Scenario,
  conference: Conference,
  lang: ReportLang,
): ReportDoc => {
  const n = new Namer(scenario, lang);
  const ctx = conference.snapshot.context;
  const contexts = contextsOf(scenario, conference);
  const debrief = debriefOf(conference);
  const profile = PROFILES[ctx.profile];
  const members = scenario.delegations.filter((d) => d.role === 'member').map((d) => d.id);

  // Intro
  const intro: Block[] = [
    {
      type: 'list',
      cls: 'report-meta',
      items: [
        [{ strong: `${n.w('meta_scenario')}:` }, ` ${pick(scenario.title, lang)}`],
        [
          { strong: `${n.w('meta_setting')}:` },
          ` ${pick(scenario.setting.place, lang)}, ${dateIn(scenario.setting.date, lang)}`,
        ],
        [{ strong: `${n.w('meta_procedure')}:` }, ` ${pick(profile.name, lang)}`],
        [{ strong: `${n.w('meta_seed')}:` }, ` ${ctx.seed}`],
        [{ strong: `${n.w('meta_events')}:` }, ` ${conference.log.length}`],
        [{ strong: `${n.w('meta_clock')}:` }, ' ', { time: clockMmSs(ctx.clock) }],
        [
          { strong: `${n.w('meta_status')}:` },
          ` ${
            ctx.ended
              ? n.w('status_ended')
              : n.w('status_open', {
                  n: conference.log.length,
                  phase: pick(phaseText(currentPhase(conference)), n.lang),
                })
          }`,
        ],
      ],
    },
  ];

  // Outcomes
  const outcomeItems: Inline[][] = scenario.proposals.map((p) => {
    const o = ctx.outcomes[p.id];
    const res = !o
      ? n.w('outcome_pending')
      : o.postponed
        ? n.w('outcome_postponed')
        : o.adopted
          ? n.w('outcome_adopted')
          : `${n.w('outcome_notAdopted')} (${n.reason(o.reason)}${
              o.blockers.length ? `; ${n.blockedBy(o.blockers)}` : ''
            })`;
    const amends =
      o && o.adopted && o.amendments.length
        ? `; ${n.w('withAmendments', { a: o.amendments.map((a) => `«${n.amendment(p.id, a)}»`).join(', ') })}`
        : '';
    return [{ strong: n.proposal(p.id) }, `: ${res}${amends}`];
  });
  const outcomes: ReportSection = {
    id: 'outcomes',
    heading: n.w('sec_outcomes'),
    blocks: [{ type: 'list', items: outcomeItems }],
  };
  const crisisOutcomes = scenario.crises
    .filter((c) => ctx.crises[c.id]?.status === 'decided')
    .map((c): Inline[] => {
      const st = ctx.crises[c.id]!;
      return [
        { strong: n.crisis(c.id) },
        `: ${n.w('decision', { level: n.level(st.level), h: n.w(st.honoured ? 'honoured' : 'notHonoured') })}`,
      ];
    });
  if (crisisOutcomes.length) outcomes.blocks.push({ type: 'list', items: crisisOutcomes });

  // Timeline
  const entries = timelineOf(scenario, conference, lang, contexts);
  const timeline: ReportSection = {
    id: 'timeline',
    heading: n.w('sec_timeline'),
    blocks: [
      { type: 'p', content: [n.w('timelineNote')] },
      entries.length
        ? {
            type: 'list',
            ordered: true,
            cls: 'timeline',
            items: entries.map((x) => [{ time: clockMmSs(x.clock) }, ` ${x.text}`]),
          }
        : { type: 'p', content: [n.w('noTimeline')] },
    ],
  };

  // Votes
  const votes: ReportSection = { id: 'votes', heading: n.w('sec_votes'), blocks: [] };
  if (!ctx.closed.length) votes.blocks.push({ type: 'p', content: [n.w('noBallots')] });
  ctx.closed.forEach((b, i) => {
    const g = ballotGroups(scenario, b);
    const clock = contexts[b.seq]?.clock ?? 0;
    votes.blocks.push(
      {
        type: 'h3',
        text:
          b.kind === 'amendment'
            ? n.w('ballotAmendment', {
                n: i + 1,
                a: n.amendment(b.proposal, b.amendment ?? ''),
                p: n.proposal(b.proposal),
              })
            : n.w('ballotProposal', { n: i + 1, p: n.proposal(b.proposal) }),
      },
      {
        type: 'p',
        content: [
          { time: clockMmSs(clock) },
          ' ',
          { strong: `${n.w('result')}:` },
          ` ${n.ballotResult(b)}. ${n.tally(b)}. ${n.w('eligibleCount', { n: b.eligible.length, p: b.present })}.`,
          b.consent.length ? ` ${n.w('consentOf', { who: n.list(b.consent) })}.` : '',
        ],
      },
      {
        type: 'list',
        cls: 'ballot-votes',
        items: VOTE_GROUPS.map(([label, k]): Inline[] => [
          { strong: `${n.w(label)}:` },
          ` ${n.list(g[k])}`,
        ]),
      },
    );
  });

  // Crises
  const crises: ReportSection = { id: 'crises', heading: n.w('sec_crises'), blocks: [] };
  const arisen = scenario.crises.filter((c) => ctx.crises[c.id]);
  if (!arisen.length) crises.blocks.push({ type: 'p', content: [n.w('noCrises')] });
  for (const c of arisen) {
    const st = ctx.crises[c.id]!;
    const responders = members.filter((m) => m !== c.requester);
    crises.blocks.push(
      { type: 'h3', text: n.crisis(c.id) },
      {
        type: 'p',
        content: [
          n.crisisAsk(c.id),
          c.against ? ` ${n.w('crisisAgainst', { who: n.delegation(c.against) })}` : '',
        ],
      },
      {
        type: 'table',
        caption: `${n.w('responses')}: ${n.crisis(c.id)}`,
        head: [n.w('delegation'), n.w('response')],
        rows: [
          [[n.delegation(c.requester)], [{ em: n.w('requesterSeat') }]],
          ...responders.map((m): Inline[][] => [
            [n.delegation(m)],
            [st.responses[m] ? n.response(st.responses[m]) : n.w('noResponse')],
          ]),
        ],
      },
    );
    if (st.status === 'decided') {
      const lines: Inline[] = [
        { strong: n.w('decision', { level: n.level(st.level), h: '' }).trim() },
        ` ${n.w(st.honoured ? 'honoured' : 'notHonoured')} ${n.w('satisfaction', {
          s: Math.round(st.satisfaction * 100),
        })}`,
        st.participants.length ? ` ${n.w('participants', { who: n.list(st.participants) })}` : '',
        ` ${n.w('metricChange', { c: n.signed(st.credibilityChange), h: n.signed(st.cohesionChange) })}`,
        st.froze ? ` ${n.w('froze', { req: n.delegation(c.requester) })}` : '',
      ];
      crises.blocks.push({ type: 'p', content: lines });
    } else crises.blocks.push({ type: 'p', content: [n.w('crisisOpen')] });
  }
  const notArisen = scenario.crises.filter((c) => !ctx.crises[c.id]);
  if (notArisen.length && arisen.length)
    crises.blocks.push({
      type: 'p',
      content: [n.w('crisisNotArisen', { list: notArisen.map((c) => n.crisis(c.id)).join('; ') })],
    });

  // What if
  const whatIf: ReportSection = {
    id: 'what-if',
    heading: n.w('sec_whatIf'),
    blocks: [
      { type: 'p', content: [n.w('whatIfIntro')] },
      {
        type: 'list',
        items: debrief.whatIf.flatMap((w): Inline[][] => {
          const p = pick(PROFILES[w.profile].name, lang);
          if (!w.proposals.length && !w.crises.length) return [[n.w('whatIfSame', { p })]];
          return [
            ...w.proposals.map((x): Inline[] => [
              n.w('whatIfProposal', {
                p,
                what: n.proposal(x.proposal),
                res: n.w(x.adopted ? 'wi_adopted' : 'wi_notAdopted'),
                actual: n.w(x.actual ? 'outcome_adopted' : 'outcome_notAdopted'),
              }),
            ]),
            ...w.crises.map((x): Inline[] => [
              n.w('whatIfCrisis', {
                p,
                what: n.crisis(x.crisis),
                res: n.w(x.honoured ? 'wi_honoured' : 'wi_notHonoured'),
                actual: n.w(x.actual ? 'honouredWord' : 'notHonouredWord'),
              }),
            ]),
          ];
        }),
      },
    ],
  };

  // Metrics
  const stepLabel = (label: string) =>
    label === 'start'
      ? n.w('step_start')
      : label === 'end'
        ? n.w('step_end')
        : label.startsWith('proposal:')
          ? n.w('step_proposal', { p: n.proposal(label.slice(9)) })
          : label.startsWith('crisis:')
            ? n.w('step_crisis', { c: n.crisis(label.slice(7)) })
            : label;
  const metrics: ReportSection = {
    id: 'metrics',
    heading: n.w('sec_metrics'),
    blocks: [
      {
        type: 'table',
        caption: n.w('metricsCaption'),
        head: [n.w('step'), n.w('time'), ...METRICS.map((m) => n.w(`metric_${m}`))],
        rows: ctx.history.map((p): Inline[][] => [
          [stepLabel(p.label)],
          [{ time: clockMmSs(p.clock) }],
          ...METRICS.map((m): Inline[] => [String(p.metrics[m])]),
        ]),
      },
    ],
  };

  // Said versus did
  const saidDid: ReportSection = {
    id: 'said-did',
    heading: n.w('sec_saidDid'),
    blocks: [{ type: 'p', content: [n.w('saidDidIntro')] }],
  };
  for (const del of scenario.delegations) {
    const id = del.id;
    const name = n.delegation(id);
    saidDid.blocks.push({ type: 'h3', text: name });
    const rows: Inline[][][] = [];
    for (const s of ctx.statements.filter((x) => x.by === id && x.proposal)) {
      const proposal = s.proposal!;
      const ballot = ctx.closed.find((b) => b.kind === 'proposal' && b.proposal === proposal);
      if (!ballot) {
        rows.push([
          [n.proposal(proposal)],
          [n.w(`stance_${s.stance}`)],
          [n.w('notVotedOn')],
          [n.w('none')],
        ]);
        continue;
      }
      const sd = debrief.saidVersusDid.find(
        (x) => x.delegation === id && x.proposal === proposal && x.said === s.stance,
      );
      const did = sd?.did ?? ballot.votes[id] ?? 'notVoting';
      const consistent = sd?.consistent ?? true;
      rows.push([
        [n.proposal(proposal)],
        [n.w(`stance_${s.stance}`)],
        [n.w(`choice_${did as 'yes' | 'no' | 'abstain' | 'standAside' | 'notVoting'}`)],
        [`${consistent ? '✓' : '✕'} ${n.w(consistent ? 'consistent' : 'inconsistent')}`],
      ]);
    }
    saidDid.blocks.push(
      rows.length
        ? {
            type: 'table',
            caption: n.w('statementsCaption', { d: name }),
            head: [n.w('proposal'), n.w('said'), n.w('did'), n.w('verdict')],
            rows,
          }
        : { type: 'p', content: [n.w('noStatements')] },
    );
    const deals: Inline[][] = [];
    for (const o of ctx.offers.filter((x) => x.from === id || x.to === id)) {
      const params = {
        n: o.id + 1,
        to: n.delegation(o.to),
        from: n.delegation(o.from),
        give: n.terms(o.give),
        want: n.terms(o.want),
        status: n.w(`offer_${o.status}`),
      };
      deals.push([n.w(o.from === id ? 'offerMade' : 'offerReceived', params)]);
    }
    for (const c of ctx.commitments.filter((x) => x.by === id))
      deals.push([
        `${n.w('commitmentLine', { to: n.delegation(c.to), term: n.term(c.term) })} — `,
        c.status === 'pending' ? n.w('cm_pending') : { strong: n.w(`cm_${c.status}`) },
      ]);
    saidDid.blocks.push(
      deals.length
        ? { type: 'list', cls: 'deals', items: deals }
        : { type: 'p', content: [n.w('noDeals')] },
    );
  }

  // Scores and awards
  const scores: ReportSection = {
    id: 'scores',
    heading: n.w('sec_scores'),
    blocks: [
      {
        type: 'table',
        caption: n.w('scoresCaption'),
        head: [
          n.w('delegation'),
          n.w('objectivePts'),
          n.w('alliancePts'),
          n.w('reputationPts'),
          n.w('total'),
          n.w('kept'),
          n.w('broken'),
        ],
        rows: [...debrief.scores]
          .sort((a, b) => b.total - a.total)
          .map((s): Inline[][] => [
            [n.delegation(s.delegation)],
            [String(s.objectivePoints)],
            [String(s.alliancePoints)],
            [String(s.reputationPoints)],
            [String(s.total)],
            [String(s.kept)],
            [String(s.broken)],
          ]),
      },
      { type: 'h3', text: n.w('awards') },
      debrief.awards.length
        ? {
            type: 'list',
            items: debrief.awards.map((a): Inline[] => [
              { strong: pick(AWARD_NAMES[a.award], lang) },
              `: ${n.delegation(a.delegation)} — ${pick(a.reason, lang)}`,
            ]),
          }
        : { type: 'p', content: [n.w('noAwards')] },
      ...debrief.scores.flatMap((s): Block[] => [
        { type: 'h3', text: n.w('objectivesOf', { d: n.delegation(s.delegation) }) },
        {
          type: 'list',
          items: s.objectives.map((o): Inline[] => [
            `${o.status === 'met' ? '✓' : o.status === 'failed' ? '✕' : '…'} ${pick(o.text, lang)} — `,
            { strong: n.w(`st_${o.status}`) },
            ` (${n.w('points', { n: o.points })})`,
          ]),
        },
      ]),
    ],
  };

  // History notes and sources
  const db = scenario.debrief;
  const history: ReportSection = {
    id: 'history',
    heading: n.w('sec_history'),
    blocks: [
      { type: 'h3', text: n.w('histHappened') },
      {
        type: 'list',
        items: db.history.map((h): Inline[] => [
          { strong: dateHeading(h.date, lang) },
          ` — ${pick(h.text, lang)}`,
          ...sourceLinks(scenario, h.sources, lang),
        ]),
      },
    ],
  };
  if (db.positions.length)
    history.blocks.push(
      { type: 'h3', text: n.w('histPositions') },
      {
        type: 'list',
        items: db.positions.map((p): Inline[] => [
          { strong: `${n.delegation(p.party)} (${dateIn(p.date, lang)})` },
          `: ${pick(p.text, lang)}`,
          ...sourceLinks(scenario, p.sources, lang),
        ]),
      },
    );
  if (db.corrections.length)
    history.blocks.push(
      { type: 'h3', text: n.w('histCorrections') },
      {
        type: 'list',
        items: db.corrections.map((c): Inline[] => [
          { em: pick(c.claim, lang) },
          ` → ${pick(c.correction, lang)}`,
          ...sourceLinks(scenario, c.sources, lang),
        ]),
      },
    );
  if (db.simplifications.length)
    history.blocks.push(
      { type: 'h3', text: n.w('histSimplifications') },
      { type: 'list', items: db.simplifications.map((s): Inline[] => [pick(s, lang)]) },
    );
  history.blocks.push(
    { type: 'h3', text: n.w('histSources') },
    {
      type: 'list',
      ordered: true,
      cls: 'sources',
      items: scenario.sources.map((s): Inline[] => [
        `${s.publisher ? `${s.publisher}: ` : ''}`,
        { em: s.title },
        ` (${dateIn(s.date, lang)}). `,
        { link: s.url, href: s.url },
      ]),
    },
  );

  return {
    lang,
    title: n.w('title', { t: pick(scenario.title, lang) }),
    fileBase: `consensus-${scenario.id}-seed${ctx.seed}-report-${lang}`,
    intro,
    sections: [outcomes, timeline, votes, crises, whatIf, metrics, saidDid, scores, history],
  };
};

// ── Markdown ───────────────────────────────────────────────────────────────────────────────

/** Escapes the characters that would change meaning in running Markdown text. */
export const escapeMarkdown = (s: string): string => s.replace(/([\\`*_[\]<>|])/g, '\\$1');

const mdInline = (parts: readonly Inline[]): string =>
  parts
    .map((p) => {
      if (typeof p === 'string') return escapeMarkdown(p);
      if ('strong' in p) return `**${escapeMarkdown(p.strong)}**`;
      if ('em' in p) return `*${escapeMarkdown(p.em)}*`;
      if ('time' in p) return `\`${p.time}\``;
      // Angle brackets keep the address as written (parentheses and all) and print it in full.
      return p.link === p.href ? `<${p.href}>` : `[${escapeMarkdown(p.link)}](<${p.href}>)`;
    })
    .join('')
    .replace(/\s*\n\s*/g, ' ');

const mdBlock = (b: Block): string => {
  switch (b.type) {
    case 'p':
      return mdInline(b.content);
    case 'h3':
      return `### ${escapeMarkdown(b.text)}`;
    case 'list':
      return b.items.map((it, i) => `${b.ordered ? `${i + 1}.` : '-'} ${mdInline(it)}`).join('\n');
    case 'table': {
      const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
      return [
        `*${escapeMarkdown(b.caption)}*`,
        '',
        row(b.head.map(escapeMarkdown)),
        row(b.head.map(() => '---')),
        ...b.rows.map((r, _i) =>
          row(r.map((c, j) => (j === 0 ? `**${mdInline(c)}**` : mdInline(c)))),
        ),
      ].join('\n');
    }
  }
};

export const docToMarkdown = (doc: ReportDoc): string =>
  [
    `# ${escapeMarkdown(doc.title)}`,
    ...doc.intro.map(mdBlock),
    ...doc.sections.flatMap((s) => [`## ${escapeMarkdown(s.heading)}`, ...s.blocks.map(mdBlock)]),
  ].join('\n\n') + '\n';

/** The after-action report as Markdown, in English or Russian. */
export const reportMarkdown = (
  scenario: Scenario,
  conference: Conference,
  lang: ReportLang,
): string => docToMarkdown(buildReport(scenario, conference, lang));

/**
 * The event log as a save (format 1, pretty-printed) that `replayGame` replays. It also carries
 * `app: 'consensus'`, so the browser can read it as a saved game too.
 */
export const reportJson = (conference: Conference): string => {
  const save = saveGame(conference);
  return `${JSON.stringify(
    {
      format: save.format,
      app: 'consensus',
      scenario: save.scenario,
      options: save.options,
      events: save.events,
    },
    null,
    2,
  )}\n`;
};
