import type { StarterTexts } from '../starter';

/** The starter playbook's words in French, by id; utils/playbook/default.ts holds everything else. */
export const texts: StarterTexts = {
  name: 'Playbook de démarrage Kept',
  promises: {
    'no-repeat': {
      title: 'Vous n’avez jamais à vous répéter',
      summary: 'La personne qui reprend votre dossier en connaît déjà l’histoire : vous ne la racontez qu’une fois.',
    },
    'own-it': {
      title: 'Votre problème est le nôtre jusqu’à sa résolution',
      summary:
        'Une seule personne suit votre dossier jusqu’au bout, et un transfert ne veut jamais dire tout reprendre.',
    },
    'tell-the-truth': {
      title: 'Nous vous disons la vérité, et quand vous aurez de nos nouvelles',
      summary:
        'Des réponses franches, mauvaises nouvelles comprises, et une heure précise pour le prochain point, que nous tenons.',
    },
    'make-it-easy': {
      title: 'Nous vous simplifions la vie',
      summary:
        'Le moins d’étapes, de messages et de formulaires possible jusqu’à la solution, avec des mots que vous n’avez pas à chercher.',
    },
    'feedback-counts': {
      title: 'Vos retours font bouger les choses',
      summary:
        'Ce que vous nous dites parvient aux personnes qui peuvent agir, et nous vous disons ce qu’il en est sorti.',
    },
  },
  roles: {
    frontline: {
      name: 'Support niveau 1',
      description:
        'Répond en premier par e-mail, chat et téléphone, résout la plupart des dossiers et tient le client informé à chaque transfert.',
    },
    technical: {
      name: 'Support technique',
      description:
        'Niveau 2 : analyse ce que le niveau 1 ne peut pas résoudre, reproduit les problèmes, lit les logs et signale les bugs à l’équipe technique.',
    },
    billing: {
      name: 'Facturation',
      description: 'Gère les factures, paiements, remboursements, changements d’offre et la titularité des comptes.',
    },
    'team-lead': {
      name: 'Responsable d’équipe',
      description:
        'Prend en charge les escalades et les clients mécontents, accompagne l’équipe et supprime les raisons pour lesquelles les clients écrivent deux fois.',
    },
    'product-partner': {
      name: 'Partenaire produit/technique',
      description:
        'Un chef de produit ou un développeur sur les escalades : corrige la cause et dit au support, et aux clients, ce qui a changé.',
    },
  },
  behaviours: {
    'read-history-first': {
      text: 'Lisez les trois dernières conversations avant de répondre ; ne demandez jamais une information que le client a déjà donnée.',
      detail: 'S’il manque vraiment quelque chose, dites ce que vous avez déjà et demandez seulement ce qui manque.',
    },
    'recap-what-they-told-us': {
      text: 'Commencez par une phrase qui résume ce que le client nous a déjà dit, pour qu’il voie que nous connaissons l’histoire.',
      detail:
        'Par exemple : « Vous nous avez écrit lundi que l’export s’arrête à 80 % et que vider le cache n’a rien changé. »',
    },
    'one-reply-for-all-open': {
      text: 'Liez ou fusionnez les autres tickets ouverts du client et répondez à toutes les questions en suspens dans une seule réponse.',
      detail: 'Indiquez quel ticket vous avez fusionné dans lequel, pour qu’il sache où la conversation continue.',
    },
    'reproduce-before-asking': {
      text: 'Essayez de reproduire le problème à partir de ce que dit déjà le ticket, et vérifiez les logs et le compte, avant de demander les étapes au client.',
      detail:
        'Si vous avez vraiment besoin de plus, listez ce que vous avez déjà vérifié et demandez une seule étape de diagnostic à la fois.',
    },
    'look-up-billing-history': {
      text: 'Retrouvez vous-même factures, paiements et changements d’offre ; ne demandez jamais un numéro de facture ou un montant que le compte affiche déjà.',
    },
    'lead-reads-whole-thread': {
      text: 'Quand un client a écrit trois fois dans la semaine, lisez tout le fil et convenez avec la personne en charge de ce qui clôturera le dossier cette fois.',
    },
    'partner-asks-support': {
      text: 'Lisez le résumé du support et les mots du client avant de poser des questions, et demandez ce qui manque au support, pas au client.',
    },
    'take-ownership': {
      text: 'Prenez le dossier en main : dites que vous irez jusqu’au bout, attribuez-le-vous et ne le transférez plus sans passation accompagnée.',
      detail:
        'Une passation accompagnée, c’est présenter la personne suivante au client, lui transmettre votre résumé et rester sur le ticket jusqu’à ce qu’elle confirme l’avoir repris.',
    },
    'handover-with-summary': {
      text: 'Quand vous confiez un ticket à une autre équipe, rédigez vous-même le résumé et dites au client qui s’en occupe et quand il aura des nouvelles.',
      example:
        'Une note interne avec le problème, ce qui a été essayé et la suite, et une réponse qui nomme la nouvelle personne en charge.',
    },
    'stay-on-the-bug': {
      text: 'Quand vous signalez un bug, liez-le au ticket, restez l’interlocuteur du client et suivez le bug au moins deux fois par semaine jusqu’à sa livraison.',
    },
    'lead-takes-unhappy-case': {
      text: 'Quand la dernière note était mauvaise, lisez cette conversation, puis reprenez le dossier vous-même ou dites à la personne en charge ce qui doit changer.',
    },
    'one-owner-per-incident': {
      text: 'Pendant un incident, nommez une seule personne en charge des tickets tagués et vérifiez que chacun reçoit chaque point de situation.',
    },
    'partner-names-themselves': {
      text: 'Mettez votre nom sur l’escalade et publiez l’avancement sur le ticket technique lié au moins tous les deux jours ouvrés, jusqu’à la livraison ou au refus.',
    },
    'partner-answers-support': {
      text: 'Répondez aux questions du support sur une escalade en un jour ouvré, même si la réponse est « pas encore ».',
    },
    'next-update-time': {
      text: 'Donnez une heure précise pour le prochain point (« demain avant 15 h ») et revenez vers le client d’ici là, même sans nouvelle.',
    },
    'acknowledge-last-experience': {
      text: 'Reconnaissez la dernière expérience dès votre première ligne, sans excuses toutes faites, et dites ce que vous ferez autrement cette fois.',
      detail:
        'Par exemple : « Je vois que notre dernière conversation n’a pas réglé le problème, et j’en suis désolé. Cette fois, je vais … »',
    },
    'bad-news-first': {
      text: 'Annoncez les mauvaises nouvelles dans les deux premières phrases, avec la raison et ce que vous pouvez faire à la place.',
      detail: 'Ne cachez jamais un « non » à la fin d’une longue réponse.',
    },
    'incident-plain-status': {
      text: 'Confirmez l’incident clairement, donnez le lien de la page de statut et dites quand arrive le prochain point ; n’avancez pas d’heure de résolution.',
    },
    'workaround-limits': {
      text: 'Quand vous donnez un contournement, dites ce qu’il ne règle pas et si une correction définitive est prévue ; ne donnez une date que si l’équipe technique s’y est engagée.',
    },
    'exact-amounts': {
      text: 'Pour chaque prélèvement que vous expliquez, indiquez le montant exact, la date et le numéro de facture ; pas de « environ » ni de « bientôt ».',
    },
    'on-hold-chase': {
      text: 'Tant qu’un ticket est en pause pour une autre équipe, relancez-la avant l’heure promise et dites au client où en est son dossier.',
    },
    'lead-owns-missed-update': {
      text: 'Quand un point promis n’a pas été fait, écrivez vous-même au client le jour même : reconnaissez l’oubli et donnez la nouvelle heure.',
    },
    'lead-checks-due-updates': {
      text: 'Chaque matin, listez les tickets en pause ou en attente dont l’heure de point promise est dépassée, et donnez à chacun une personne en charge pour la journée.',
    },
    'partner-realistic-dates': {
      text: 'Donnez au support une date dont vous êtes sûr, ou dites qu’il n’y en a pas encore ; prévenez le support le jour même si une date glisse.',
    },
    'welcome-first-contact': {
      text: 'Souhaitez la bienvenue au client, expliquez la suite et le délai habituel, et dites-lui qu’il lui suffit de répondre à ce message.',
    },
    'no-jargon': {
      text: 'Écrivez sans noms internes, codes de ticket ni jargon ; si un terme technique est nécessaire, expliquez-le dans la même phrase.',
    },
    'chat-short-and-timed': {
      text: 'Sur le chat, répondez en moins d’une minute, limitez chaque message à deux ou trois lignes, et prévenez quand vous avez besoin de quelques minutes pour vérifier.',
      detail:
        'Avant de transférer un chat, écrivez un résumé de deux lignes dans le transfert, pour que la personne suivante accueille le client par son nom et son problème.',
    },
    'call-recap-in-writing': {
      text: 'Avant de raccrocher, récapitulez ce qui a été convenu et qui fait quoi ensuite, puis envoyez le même récapitulatif par écrit.',
      detail:
        'Vérifiez l’identité une fois par appel et notez sur le ticket qu’elle a été vérifiée, pour que personne ne la redemande.',
    },
    'messaging-stay-in-app': {
      text: 'Sur WhatsApp, SMS ou autre messagerie, réglez la demande dans l’application : un sujet par message, et pas de « écrivez-nous plutôt un e-mail ».',
    },
    'pending-one-clear-ask': {
      text: 'Quand le ticket attend le client, terminez par une phrase qui dit exactement ce qu’il vous faut, et relancez-le une fois après deux jours ouvrés.',
    },
    'do-it-for-them': {
      text: 'Faites vous-même les changements d’offre, remboursements et corrections de facture quand les règles le permettent, au lieu d’envoyer des instructions au client.',
    },
    'refund-without-hoops': {
      text: 'Pour un remboursement conforme aux règles, accordez-le dans cette réponse sans redemander la raison, et donnez le montant et la date à laquelle il arrivera.',
    },
    'lead-removes-a-second-contact': {
      text: 'Chaque semaine, trouvez la raison la plus fréquente pour laquelle des clients ont dû écrire deux fois et supprimez-la avec l’équipe concernée : une macro, un article ou une correction.',
    },
    'lead-answers-customers': {
      text: 'Chaque semaine, répondez vous-même à au moins cinq tickets clients pris dans la file comme ils arrivent, et notez une étape dont un client n’aurait pas dû avoir besoin.',
    },
    'partner-fixes-the-cause': {
      text: 'Quand vous corrigez un bug escaladé, changez aussi le message d’erreur, le réglage ou l’article d’aide qui aurait permis aux clients de s’en sortir seuls.',
    },
    'answer-the-rating-comment': {
      text: 'Lisez le commentaire de la dernière note et répondez-y dès vos premières lignes : remerciez pour un compliment, ou dites ce qui a changé depuis la réclamation.',
    },
    'log-feedback': {
      text: 'Quand un client suggère quelque chose ou bute sur un manque, consignez-le dans l’outil de suivi des retours avec ses propres mots et un lien vers le ticket.',
    },
    'tag-the-root-cause': {
      text: 'Taguez chaque ticket résolu avec le domaine produit et la cause, pour que les problèmes récurrents ressortent dans le rapport hebdomadaire.',
    },
    'log-confusing-charges': {
      text: 'Quand un prélèvement a dérouté le client, notez quelle ligne de la facture ou de la page tarifs l’a dérouté, avec un lien vers le ticket.',
    },
    'raise-what-got-in-the-way': {
      text: 'Quand une règle, un outil ou le temps dont vous disposez vous empêche d’appliquer l’un de ces comportements, cliquez le jour même sur « Ça m’a bloqué » et dites ce qui vous a bloqué.',
    },
    'praise-a-colleague': {
      text: 'Chaque semaine, envoyez un bravo à un collègue pour une promesse que vous l’avez vu tenir, en citant le dossier et ce qu’il a fait.',
    },
    'close-the-loop': {
      text: 'Quand une correction ou une fonctionnalité demandée par des clients sort, écrivez à chaque client concerné, en termes simples, pour dire ce qui a changé.',
    },
    'reply-to-rating-comments': {
      text: 'Lisez chaque commentaire de note en un jour ouvré, répondez personnellement aux clients mécontents et partagez un enseignement avec l’équipe.',
    },
    'share-praise-weekly': {
      text: 'Chaque semaine, partagez une citation client avec l’équipe et envoyez un bravo nominatif à un collègue ou une équipe qui a tenu une promesse.',
    },
    'lead-coaches-weekly': {
      text: 'Chaque semaine, lisez une conversation de chaque agent et dites-lui par écrit un comportement qu’il y a appliqué, et où.',
    },
    'lead-clears-blockers': {
      text: 'Chaque semaine, lisez ce que l’équipe a remonté avec « Ça m’a bloqué » et « Proposer une modification », portez le point principal à la personne concernée et dites à l’équipe ce qui a changé.',
    },
    'partner-reads-tickets': {
      text: 'Lisez au moins cinq tickets clients liés avant de fixer la priorité d’une correction, et écrivez la décision et sa raison sur le ticket technique.',
    },
    'partner-incident-voices': {
      text: 'Après un incident, lisez les tickets des clients touchés et reprenez leurs mots et leurs chiffres dans l’analyse de l’incident.',
    },
    'partner-sits-with-support': {
      text: 'Chaque semaine, passez une heure avec le support à lire les nouveaux tickets de votre domaine ou à écouter des appels, et notez un changement à faire.',
    },
  },
};
