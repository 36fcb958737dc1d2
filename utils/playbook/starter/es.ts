import type { StarterTexts } from '../starter';

/** The starter playbook's words in Spanish, by id; utils/playbook/default.ts holds everything else. */
export const texts: StarterTexts = {
  name: 'Playbook inicial de Kept',
  promises: {
    'no-repeat': {
      title: 'Nunca tendrás que repetirte',
      summary: 'Quien retome tu caso ya conoce su historia, así que solo la cuentas una vez.',
    },
    'own-it': {
      title: 'Tu problema es nuestro hasta que esté resuelto',
      summary: 'Una persona lleva tu caso hasta el final, y un traspaso nunca significa empezar de nuevo.',
    },
    'tell-the-truth': {
      title: 'Te decimos la verdad, y cuándo volverás a saber de nosotros',
      summary:
        'Respuestas claras, también las malas noticias, y una hora concreta para la próxima actualización que cumplimos.',
    },
    'make-it-easy': {
      title: 'Te lo ponemos fácil',
      summary:
        'Los mínimos pasos, mensajes y formularios entre tú y la solución, con palabras que no tienes que buscar.',
    },
    'feedback-counts': {
      title: 'Tus comentarios cambian las cosas',
      summary: 'Lo que nos cuentas llega a quien puede actuar, y te contamos en qué quedó.',
    },
  },
  roles: {
    frontline: {
      name: 'Soporte de primer nivel',
      description:
        'Responde primero por email, chat y teléfono, resuelve la mayoría de los casos y mantiene informado al cliente en cada traspaso.',
    },
    technical: {
      name: 'Soporte técnico',
      description:
        'Segundo nivel: investiga lo que el primer nivel no puede resolver, reproduce problemas, lee logs y reporta bugs a ingeniería.',
    },
    billing: {
      name: 'Facturación',
      description: 'Gestiona facturas, pagos, reembolsos, cambios de plan y la titularidad de las cuentas.',
    },
    'team-lead': {
      name: 'Responsable de equipo',
      description:
        'Atiende escalados y clientes descontentos, acompaña al equipo y elimina los motivos por los que los clientes escriben dos veces.',
    },
    'product-partner': {
      name: 'Colaborador de producto/ingeniería',
      description:
        'Un product manager o ingeniero en los escalados: corrige la causa y cuenta al soporte, y a los clientes, qué cambió.',
    },
  },
  behaviours: {
    'read-history-first': {
      text: 'Lee las tres últimas conversaciones antes de responder; nunca pidas datos que el cliente ya dio.',
      detail: 'Si de verdad falta algo, di lo que ya tienes y pide solo lo que falta.',
    },
    'recap-what-they-told-us': {
      text: 'Empieza con una frase que resuma lo que el cliente ya nos contó, para que vea que conocemos la historia.',
      detail:
        'Por ejemplo: «Nos escribiste el lunes que la exportación se detiene en el 80 % y que borrar la caché no ayudó».',
    },
    'one-reply-for-all-open': {
      text: 'Vincula o fusiona los otros tickets abiertos del cliente y responde a todas las preguntas pendientes en una sola respuesta.',
      detail: 'Dile qué ticket fusionaste con cuál, para que sepa dónde continúa la conversación.',
    },
    'reproduce-before-asking': {
      text: 'Intenta reproducir el problema con lo que ya dice el ticket, y revisa los logs y la cuenta, antes de pedirle pasos al cliente.',
      detail: 'Si de verdad necesitas más, enumera lo que ya revisaste y pide un solo paso de diagnóstico cada vez.',
    },
    'look-up-billing-history': {
      text: 'Busca tú mismo facturas, pagos y cambios de plan; nunca pidas un número de factura o un importe que la cuenta ya muestra.',
    },
    'lead-reads-whole-thread': {
      text: 'Cuando un cliente ha escrito tres veces en una semana, lee todo el hilo y acuerda con el responsable qué lo cerrará esta vez.',
    },
    'partner-asks-support': {
      text: 'Lee el resumen del soporte y las palabras del cliente antes de preguntar, y pide lo que falte al soporte, no al cliente.',
    },
    'take-ownership': {
      text: 'Hazte cargo: di que lo llevarás hasta el final, asígnatelo y no lo vuelvas a transferir sin un traspaso acompañado.',
      detail:
        'Un traspaso acompañado significa presentar al cliente a la siguiente persona, pasarle tu resumen y seguir en el ticket hasta que confirme que lo tiene.',
    },
    'handover-with-summary': {
      text: 'Cuando pases un ticket a otro equipo, escribe tú el resumen y dile al cliente quién lo tiene y cuándo sabrá de nosotros.',
      example:
        'Una nota interna con el problema, lo que se probó y lo que sigue, y una respuesta que nombra al nuevo responsable.',
    },
    'stay-on-the-bug': {
      text: 'Cuando reportes un bug, vincúlalo en el ticket, sigue siendo el contacto del cliente y revisa el bug al menos dos veces por semana hasta que se publique.',
    },
    'lead-takes-unhappy-case': {
      text: 'Cuando la última valoración fue mala, lee esa conversación y luego toma el caso tú o di al responsable qué debe cambiar.',
    },
    'one-owner-per-incident': {
      text: 'Durante una incidencia, nombra un único responsable para los tickets etiquetados y comprueba que cada uno recibe cada actualización de estado.',
    },
    'partner-names-themselves': {
      text: 'Pon tu nombre en el escalado y publica el avance en la incidencia vinculada al menos cada dos días laborables, hasta que se publique o se descarte.',
    },
    'partner-answers-support': {
      text: 'Responde a las preguntas del soporte sobre un escalado en un día laborable, aunque la respuesta sea «todavía no».',
    },
    'next-update-time': {
      text: 'Da una hora concreta para la próxima actualización («mañana antes de las 15:00») y escribe para entonces aunque no haya novedades.',
    },
    'acknowledge-last-experience': {
      text: 'Reconoce la última experiencia en tu primera línea, sin excusas, y di qué harás distinto esta vez.',
      detail: 'Por ejemplo: «Veo que nuestra última conversación no lo resolvió, y lo siento. Esta vez voy a…».',
    },
    'bad-news-first': {
      text: 'Da las malas noticias en las dos primeras frases, con el motivo y lo que puedes hacer en su lugar.',
      detail: 'Nunca escondas un «no» al final de una respuesta larga.',
    },
    'incident-plain-status': {
      text: 'Confirma la incidencia con claridad, enlaza la página de estado y di cuándo llega la próxima actualización; no adivines cuándo estará resuelta.',
    },
    'workaround-limits': {
      text: 'Cuando des una solución provisional, di qué no arregla y si hay una solución definitiva prevista; da una fecha solo si ingeniería se comprometió a ella.',
    },
    'exact-amounts': {
      text: 'En cada cargo que expliques, indica el importe exacto, la fecha y el número de factura; nada de «más o menos» ni «pronto».',
    },
    'on-hold-chase': {
      text: 'Mientras un ticket está en espera de otro equipo, insiste a ese equipo antes de la hora prometida y cuéntale al cliente cómo va.',
    },
    'lead-owns-missed-update': {
      text: 'Cuando no se cumplió una actualización prometida, escribe tú al cliente ese mismo día: reconoce que no se cumplió y da la nueva hora.',
    },
    'lead-checks-due-updates': {
      text: 'Cada mañana, enumera los tickets en espera o pendientes que pasaron su hora de actualización prometida y asigna a cada uno un responsable para el día.',
    },
    'partner-realistic-dates': {
      text: 'Da al soporte una fecha de la que estés seguro, o di que aún no hay fecha; avisa al soporte ese mismo día si una fecha se retrasa.',
    },
    'welcome-first-contact': {
      text: 'Dale la bienvenida, explica qué pasa ahora y cuánto suele tardar, y dile que puede responder a este mensaje sin más.',
    },
    'no-jargon': {
      text: 'Escribe sin nombres internos, códigos de ticket ni jerga; si necesitas un término técnico, explícalo en la misma frase.',
    },
    'chat-short-and-timed': {
      text: 'En el chat, responde en menos de un minuto, limita cada mensaje a dos o tres líneas y avisa cuando necesites unos minutos para comprobar algo.',
      detail:
        'Antes de transferir un chat, escribe un resumen de dos líneas en la transferencia para que la siguiente persona salude al cliente por su nombre y su problema.',
    },
    'call-recap-in-writing': {
      text: 'Antes de colgar, resume lo acordado y quién hace qué a continuación, y envía el mismo resumen por escrito.',
      detail:
        'Verifica la identidad una vez por llamada y anota en el ticket que se verificó, para que nadie la vuelva a pedir.',
    },
    'messaging-stay-in-app': {
      text: 'En WhatsApp, SMS u otras apps de mensajería, resuélvelo en la app: un tema por mensaje y nada de «mejor envíanos un email».',
    },
    'pending-one-clear-ask': {
      text: 'Cuando el ticket espera al cliente, termina con una frase que diga exactamente qué necesitas de él, y recuérdaselo una vez pasados dos días laborables.',
    },
    'do-it-for-them': {
      text: 'Haz tú los cambios de plan, reembolsos y correcciones de factura cuando la política lo permita, en lugar de enviar instrucciones al cliente.',
    },
    'refund-without-hoops': {
      text: 'Para un reembolso dentro de la política, apruébalo en esta respuesta sin volver a preguntar el motivo, e indica el importe y la fecha en que lo recibirá.',
    },
    'lead-removes-a-second-contact': {
      text: 'Cada semana, encuentra el motivo más común por el que los clientes tuvieron que escribir dos veces y elimínalo con el equipo responsable: una macro, un artículo o una corrección.',
    },
    'lead-answers-customers': {
      text: 'Cada semana, responde tú al menos cinco tickets de clientes tal como llegan a la cola, y anota un paso que un cliente no debería haber necesitado.',
    },
    'partner-fixes-the-cause': {
      text: 'Cuando corrijas un bug escalado, cambia también el mensaje de error, el ajuste o el artículo de ayuda que habría permitido a los clientes resolverlo solos.',
    },
    'answer-the-rating-comment': {
      text: 'Lee el comentario de su última valoración y respóndelo en tus primeras líneas: agradece el elogio o di qué cambió desde la queja.',
    },
    'log-feedback': {
      text: 'Cuando un cliente sugiera algo o tope con una carencia, regístralo en el gestor de comentarios con sus propias palabras y un enlace al ticket.',
    },
    'tag-the-root-cause': {
      text: 'Etiqueta cada ticket resuelto con el área de producto y la causa raíz, para que los problemas repetidos aparezcan en el informe semanal.',
    },
    'log-confusing-charges': {
      text: 'Cuando un cargo confundió al cliente, registra qué línea de la factura o de la página de precios lo confundió, con un enlace al ticket.',
    },
    'raise-what-got-in-the-way': {
      text: 'Cuando una política, una herramienta o el tiempo que tienes te impida cumplir uno de estos comportamientos, pulsa «Esto me lo impidió» en él ese mismo día y di qué te bloqueó.',
    },
    'praise-a-colleague': {
      text: 'Cada semana, envía un elogio a un compañero por una promesa que le viste cumplir, indicando el caso y lo que hizo.',
    },
    'close-the-loop': {
      text: 'Cuando se publique una corrección o función que pidieron los clientes, escribe a cada cliente vinculado, con palabras sencillas, contando qué cambió.',
    },
    'reply-to-rating-comments': {
      text: 'Lee cada comentario de valoración en un día laborable, responde en persona a los descontentos y comparte una lección con el equipo.',
    },
    'share-praise-weekly': {
      text: 'Cada semana, comparte una cita de un cliente con el equipo y envía un elogio, con nombre, a un compañero o equipo que cumplió una promesa.',
    },
    'lead-coaches-weekly': {
      text: 'Cada semana, lee una conversación de cada agente y dile por escrito un comportamiento que cumplió en ella y dónde.',
    },
    'lead-clears-blockers': {
      text: 'Cada semana, lee lo que el equipo planteó con «Esto me lo impidió» y «Proponer un cambio», lleva lo principal a su responsable y cuenta al equipo qué cambió.',
    },
    'partner-reads-tickets': {
      text: 'Lee al menos cinco tickets de clientes vinculados antes de fijar la prioridad de una corrección, y escribe la decisión y su motivo en la incidencia.',
    },
    'partner-incident-voices': {
      text: 'Después de una incidencia, lee los tickets de los clientes afectados e incluye sus palabras y cifras en la revisión de la incidencia.',
    },
    'partner-sits-with-support': {
      text: 'Cada semana, pasa una hora con el soporte leyendo tickets nuevos sobre tu área o escuchando llamadas, y anota un cambio que hacer.',
    },
  },
};
