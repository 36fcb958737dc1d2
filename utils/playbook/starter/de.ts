import type { StarterTexts } from '../starter';

/** The starter playbook's words in German, by id; utils/playbook/default.ts holds everything else. */
export const texts: StarterTexts = {
  name: 'Kept-Start-Playbook',
  promises: {
    'no-repeat': {
      title: 'Sie müssen sich nie wiederholen',
      summary: 'Wer Ihren Fall übernimmt, kennt seine Geschichte schon – Sie erzählen sie nur einmal.',
    },
    'own-it': {
      title: 'Wir kümmern uns um Ihr Problem, bis es gelöst ist',
      summary: 'Eine Person begleitet Ihren Fall bis zum Ende, und eine Übergabe heißt nie, von vorn anzufangen.',
    },
    'tell-the-truth': {
      title: 'Wir sagen Ihnen die Wahrheit – und wann Sie wieder von uns hören',
      summary:
        'Klare Antworten, auch schlechte Nachrichten, und eine feste Zeit für das nächste Update, die wir einhalten.',
    },
    'make-it-easy': {
      title: 'Wir machen es Ihnen leicht',
      summary:
        'So wenige Schritte, Nachrichten und Formulare wie möglich bis zur Lösung, in Worten, die Sie nicht nachschlagen müssen.',
    },
    'feedback-counts': {
      title: 'Ihr Feedback verändert etwas',
      summary: 'Was Sie uns sagen, erreicht die Menschen, die etwas tun können, und wir sagen Ihnen, was daraus wurde.',
    },
  },
  roles: {
    frontline: {
      name: 'First-Level-Support',
      description:
        'Antwortet als Erstes per E-Mail, Chat und Telefon, löst die meisten Fälle und hält den Kunden bei jeder Übergabe auf dem Laufenden.',
    },
    technical: {
      name: 'Technischer Support',
      description:
        'Second Level: untersucht, was der First Level nicht lösen kann, stellt Probleme nach, liest Logs und meldet Bugs an die Entwicklung.',
    },
    billing: {
      name: 'Abrechnung',
      description: 'Kümmert sich um Rechnungen, Zahlungen, Erstattungen, Tarifwechsel und Kontoinhaberschaft.',
    },
    'team-lead': {
      name: 'Teamleitung',
      description:
        'Übernimmt Eskalationen und unzufriedene Kunden, coacht das Team und beseitigt die Gründe, aus denen Kunden zweimal schreiben.',
    },
    'product-partner': {
      name: 'Partner aus Produkt/Entwicklung',
      description:
        'Ein Product Manager oder Entwickler bei Eskalationen: behebt die Ursache und sagt dem Support – und den Kunden –, was sich geändert hat.',
    },
  },
  behaviours: {
    'read-history-first': {
      text: 'Lesen Sie die letzten drei Konversationen, bevor Sie antworten; fragen Sie nie nach Angaben, die der Kunde schon gemacht hat.',
      detail: 'Fehlt wirklich etwas, sagen Sie, was Sie schon haben, und fragen Sie nur nach der Lücke.',
    },
    'recap-what-they-told-us': {
      text: 'Beginnen Sie mit einem Satz, der zusammenfasst, was der Kunde uns schon gesagt hat, damit er sieht, dass wir die Geschichte kennen.',
      detail:
        'Zum Beispiel: „Sie haben am Montag geschrieben, dass der Export bei 80 % stehen bleibt und das Leeren des Caches nicht geholfen hat.“',
    },
    'one-reply-for-all-open': {
      text: 'Verknüpfen oder verbinden Sie die anderen offenen Tickets des Kunden und beantworten Sie alle offenen Fragen in einer Antwort.',
      detail:
        'Sagen Sie, welches Ticket Sie mit welchem verbunden haben, damit der Kunde weiß, wo die Konversation weitergeht.',
    },
    'reproduce-before-asking': {
      text: 'Versuchen Sie, das Problem anhand dessen nachzustellen, was schon im Ticket steht, und prüfen Sie Logs und Konto, bevor Sie den Kunden nach Schritten fragen.',
      detail:
        'Brauchen Sie doch mehr, zählen Sie auf, was Sie schon geprüft haben, und bitten Sie um jeweils nur einen Diagnoseschritt.',
    },
    'look-up-billing-history': {
      text: 'Suchen Sie Rechnungen, Zahlungen und Tarifwechsel selbst heraus; fragen Sie nie nach einer Rechnungsnummer oder einem Betrag, die das Konto schon zeigt.',
    },
    'lead-reads-whole-thread': {
      text: 'Hat ein Kunde dreimal in einer Woche geschrieben, lesen Sie den ganzen Verlauf und vereinbaren Sie mit der zuständigen Person, was den Fall diesmal abschließt.',
    },
    'partner-asks-support': {
      text: 'Lesen Sie die Zusammenfassung des Supports und die Worte des Kunden, bevor Sie Fragen stellen, und fragen Sie den Support, nicht den Kunden, nach dem, was fehlt.',
    },
    'take-ownership': {
      text: 'Übernehmen Sie Verantwortung: Sagen Sie zu, den Fall zu Ende zu bringen, weisen Sie ihn sich selbst zu und geben Sie ihn nicht ohne persönliche Übergabe weiter.',
      detail:
        'Persönliche Übergabe heißt: Sie stellen dem Kunden die nächste Person vor, geben Ihre Zusammenfassung weiter und bleiben am Ticket, bis diese bestätigt, dass sie es hat.',
    },
    'handover-with-summary': {
      text: 'Geben Sie ein Ticket an ein anderes Team ab, schreiben Sie die Zusammenfassung selbst und sagen Sie dem Kunden, wer es jetzt hat und wann er von uns hört.',
      example:
        'Eine interne Notiz mit dem Problem, dem, was versucht wurde, und den nächsten Schritten, und eine Antwort, die die neue zuständige Person nennt.',
    },
    'stay-on-the-bug': {
      text: 'Melden Sie einen Bug, verknüpfen Sie ihn im Ticket, bleiben Sie Ansprechperson des Kunden und prüfen Sie den Bug mindestens zweimal pro Woche, bis er ausgeliefert ist.',
    },
    'lead-takes-unhappy-case': {
      text: 'War die letzte Bewertung schlecht, lesen Sie diese Konversation und übernehmen Sie den Fall dann selbst oder sagen Sie der zuständigen Person, was anders laufen muss.',
    },
    'one-owner-per-incident': {
      text: 'Benennen Sie während einer Störung eine zuständige Person für die markierten Tickets und prüfen Sie, dass jedes davon jedes Status-Update bekommt.',
    },
    'partner-names-themselves': {
      text: 'Setzen Sie Ihren Namen auf die Eskalation und melden Sie im verknüpften Issue mindestens alle zwei Arbeitstage den Fortschritt, bis es ausgeliefert oder abgelehnt ist.',
    },
    'partner-answers-support': {
      text: 'Beantworten Sie Fragen des Supports zu einer Eskalation innerhalb eines Arbeitstags, auch wenn die Antwort „noch nicht“ lautet.',
    },
    'next-update-time': {
      text: 'Nennen Sie eine feste Zeit für das nächste Update („bis morgen 15 Uhr“) und melden Sie sich bis dahin, auch wenn es nichts Neues gibt.',
    },
    'acknowledge-last-experience': {
      text: 'Gehen Sie in Ihrer ersten Zeile ohne Ausreden auf die letzte Erfahrung ein und sagen Sie, was Sie diesmal anders machen.',
      detail:
        'Zum Beispiel: „Ich sehe, dass unsere letzte Konversation das nicht gelöst hat, und das tut mir leid. Diesmal werde ich …“',
    },
    'bad-news-first': {
      text: 'Bringen Sie schlechte Nachrichten in den ersten zwei Sätzen, mit dem Grund und dem, was Sie stattdessen tun können.',
      detail: 'Verstecken Sie ein „Nein“ nie am Ende einer langen Antwort.',
    },
    'incident-plain-status': {
      text: 'Bestätigen Sie die Störung klar, verlinken Sie die Statusseite und sagen Sie, wann das nächste Status-Update kommt; raten Sie keine Zeit für die Behebung.',
    },
    'workaround-limits': {
      text: 'Geben Sie einen Workaround, sagen Sie, was er nicht behebt und ob eine dauerhafte Lösung geplant ist; nennen Sie ein Datum nur, wenn die Entwicklung eines zugesagt hat.',
    },
    'exact-amounts': {
      text: 'Nennen Sie bei jeder Abbuchung, die Sie erklären, den genauen Betrag, das Datum und die Rechnungsnummer; kein „ungefähr“ oder „bald“.',
    },
    'on-hold-chase': {
      text: 'Solange ein Ticket wegen eines anderen Teams angehalten ist, haken Sie dort vor der zugesagten Update-Zeit nach und sagen Sie dem Kunden, wie der Stand ist.',
    },
    'lead-owns-missed-update': {
      text: 'Wurde ein zugesagtes Update verpasst, schreiben Sie dem Kunden noch am selben Tag selbst: Sagen Sie, dass es verpasst wurde, und nennen Sie die neue Zeit.',
    },
    'lead-checks-due-updates': {
      text: 'Listen Sie jeden Morgen die angehaltenen oder wartenden Tickets auf, deren zugesagte Update-Zeit überschritten ist, und geben Sie jedem für den Tag eine zuständige Person.',
    },
    'partner-realistic-dates': {
      text: 'Nennen Sie dem Support ein Datum, bei dem Sie sicher sind, oder sagen Sie, dass es noch keines gibt; verschiebt sich ein Datum, sagen Sie es dem Support am selben Tag.',
    },
    'welcome-first-contact': {
      text: 'Begrüßen Sie den Kunden, erklären Sie, was als Nächstes passiert und wie lange es meist dauert, und sagen Sie ihm, dass er einfach auf diese Nachricht antworten kann.',
    },
    'no-jargon': {
      text: 'Schreiben Sie ohne interne Namen, Ticketcodes oder Fachjargon; brauchen Sie einen Fachbegriff, erklären Sie ihn im selben Satz.',
    },
    'chat-short-and-timed': {
      text: 'Antworten Sie im Chat innerhalb einer Minute, halten Sie jede Nachricht bei zwei oder drei Zeilen und sagen Sie Bescheid, wenn Sie ein paar Minuten zum Prüfen brauchen.',
      detail:
        'Schreiben Sie vor der Weiterleitung eines Chats eine zweizeilige Zusammenfassung dazu, damit die nächste Person den Kunden mit Namen und Anliegen begrüßt.',
    },
    'call-recap-in-writing': {
      text: 'Fassen Sie vor Ende eines Anrufs zusammen, was vereinbart wurde und wer was als Nächstes tut, und schicken Sie dieselbe Zusammenfassung schriftlich.',
      detail:
        'Prüfen Sie die Identität einmal pro Anruf und vermerken Sie im Ticket, dass sie geprüft wurde, damit niemand erneut fragt.',
    },
    'messaging-stay-in-app': {
      text: 'Lösen Sie es bei WhatsApp, SMS oder anderen Messengern direkt in der App: ein Thema pro Nachricht und keine Bitte, „uns stattdessen eine E-Mail zu schicken“.',
    },
    'pending-one-clear-ask': {
      text: 'Wartet das Ticket auf den Kunden, schließen Sie mit einem Satz, der genau sagt, was Sie von ihm brauchen, und erinnern Sie ihn einmal nach zwei Arbeitstagen.',
    },
    'do-it-for-them': {
      text: 'Nehmen Sie Tarifwechsel, Erstattungen und Rechnungskorrekturen selbst vor, wenn die Richtlinien es erlauben, statt dem Kunden eine Anleitung zu schicken.',
    },
    'refund-without-hoops': {
      text: 'Genehmigen Sie eine Erstattung im Rahmen der Richtlinien in dieser Antwort, ohne erneut nach dem Grund zu fragen, und nennen Sie Betrag und Datum, an dem sie ankommt.',
    },
    'lead-removes-a-second-contact': {
      text: 'Finden Sie jede Woche den häufigsten Grund, aus dem Kunden zweimal schreiben mussten, und beseitigen Sie ihn mit dem zuständigen Team: per Textbaustein, Artikel oder Fix.',
    },
    'lead-answers-customers': {
      text: 'Beantworten Sie jede Woche mindestens fünf Kundentickets selbst, so wie sie in der Warteschlange ankommen, und notieren Sie einen Schritt, den ein Kunde nicht hätte brauchen sollen.',
    },
    'partner-fixes-the-cause': {
      text: 'Beheben Sie einen eskalierten Bug, ändern Sie auch die Fehlermeldung, Einstellung oder den Hilfeartikel, mit denen Kunden das Problem selbst hätten lösen können.',
    },
    'answer-the-rating-comment': {
      text: 'Lesen Sie den Kommentar zur letzten Bewertung und gehen Sie in Ihren ersten Zeilen darauf ein: Danken Sie für Lob oder sagen Sie, was sich seit der Beschwerde geändert hat.',
    },
    'log-feedback': {
      text: 'Schlägt ein Kunde etwas vor oder stößt auf eine Lücke, erfassen Sie es im Feedback-Tracker mit seinen eigenen Worten und einem Link zum Ticket.',
    },
    'tag-the-root-cause': {
      text: 'Versehen Sie jedes gelöste Ticket mit Tags für Produktbereich und Ursache, damit wiederkehrende Probleme im Wochenbericht auffallen.',
    },
    'log-confusing-charges': {
      text: 'Hat eine Abbuchung den Kunden verwirrt, erfassen Sie, welche Zeile der Rechnung oder Preisseite ihn verwirrt hat, mit einem Link zum Ticket.',
    },
    'raise-what-got-in-the-way': {
      text: 'Hält Sie eine Richtlinie, ein Tool oder Ihre Zeit davon ab, eines dieser Verhalten umzusetzen, klicken Sie noch am selben Tag dort auf „Das hat mich behindert“ und sagen Sie, was Sie gehindert hat.',
    },
    'praise-a-colleague': {
      text: 'Senden Sie jede Woche einer Kollegin oder einem Kollegen Lob für ein Versprechen, das Sie sie oder ihn haben halten sehen, mit dem Fall und dem, was sie oder er getan hat.',
    },
    'close-the-loop': {
      text: 'Wird ein Fix oder eine Funktion ausgeliefert, um die Kunden gebeten haben, schreiben Sie jedem damit verknüpften Kunden in einfachen Worten, was sich geändert hat.',
    },
    'reply-to-rating-comments': {
      text: 'Lesen Sie jeden Bewertungskommentar innerhalb eines Arbeitstags, antworten Sie den unzufriedenen Kunden persönlich und teilen Sie eine Erkenntnis mit dem Team.',
    },
    'share-praise-weekly': {
      text: 'Teilen Sie jede Woche ein Kundenzitat mit dem Team und senden Sie namentlich Lob an eine Person oder ein Team, die ein Versprechen gehalten haben.',
    },
    'lead-coaches-weekly': {
      text: 'Lesen Sie jede Woche eine Konversation jedes Agents und sagen Sie ihm schriftlich, welches Verhalten er darin umgesetzt hat und wo.',
    },
    'lead-clears-blockers': {
      text: 'Lesen Sie jede Woche, was das Team mit „Das hat mich behindert“ und „Änderung vorschlagen“ gemeldet hat, bringen Sie den wichtigsten Punkt zur zuständigen Person und sagen Sie dem Team, was sich geändert hat.',
    },
    'partner-reads-tickets': {
      text: 'Lesen Sie mindestens fünf verknüpfte Kundentickets, bevor Sie die Priorität eines Fixes festlegen, und schreiben Sie die Entscheidung mit Begründung in das Issue.',
    },
    'partner-incident-voices': {
      text: 'Lesen Sie nach einer Störung die Tickets der betroffenen Kunden und nehmen Sie deren Worte und Zahlen in die Störungsanalyse auf.',
    },
    'partner-sits-with-support': {
      text: 'Verbringen Sie jede Woche eine Stunde mit dem Support, lesen Sie neue Tickets zu Ihrem Bereich oder hören Sie bei Anrufen zu, und notieren Sie eine Änderung, die Sie umsetzen.',
    },
  },
};
