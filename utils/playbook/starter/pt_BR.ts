import type { StarterTexts } from '../starter';

/** The starter playbook's words in Brazilian Portuguese, by id; utils/playbook/default.ts holds everything else. */
export const texts: StarterTexts = {
  name: 'Playbook inicial do Kept',
  promises: {
    'no-repeat': {
      title: 'Você nunca precisa se repetir',
      summary: 'Quem pega o seu caso já conhece a história dele, então você só conta uma vez.',
    },
    'own-it': {
      title: 'Seu problema é nosso até ser resolvido',
      summary: 'Uma pessoa acompanha o seu caso até o fim, e uma transferência nunca significa começar de novo.',
    },
    'tell-the-truth': {
      title: 'Dizemos a verdade, e quando você terá notícias nossas',
      summary:
        'Respostas diretas, inclusive as más notícias, e um horário certo para a próxima atualização, que cumprimos.',
    },
    'make-it-easy': {
      title: 'Facilitamos para você',
      summary:
        'O mínimo de etapas, mensagens e formulários entre você e a solução, com palavras que você não precisa procurar.',
    },
    'feedback-counts': {
      title: 'Seu feedback muda as coisas',
      summary: 'O que você nos conta chega a quem pode agir, e nós contamos o que resultou disso.',
    },
  },
  roles: {
    frontline: {
      name: 'Suporte de primeiro nível',
      description:
        'Responde primeiro por e-mail, chat e telefone, resolve a maioria dos casos e mantém o cliente informado em qualquer transferência.',
    },
    technical: {
      name: 'Suporte técnico',
      description:
        'Segundo nível: investiga o que o primeiro nível não consegue resolver, reproduz problemas, lê logs e registra bugs para a engenharia.',
    },
    billing: {
      name: 'Faturamento',
      description: 'Cuida de faturas, pagamentos, reembolsos, mudanças de plano e titularidade de contas.',
    },
    'team-lead': {
      name: 'Líder de equipe',
      description:
        'Assume escalonamentos e clientes insatisfeitos, orienta a equipe e elimina os motivos que fazem os clientes escreverem duas vezes.',
    },
    'product-partner': {
      name: 'Parceiro de produto/engenharia',
      description:
        'Um gerente de produto ou engenheiro nos escalonamentos: corrige a causa e conta ao suporte, e aos clientes, o que mudou.',
    },
  },
  behaviours: {
    'read-history-first': {
      text: 'Leia as três últimas conversas antes de responder; nunca peça dados que o cliente já informou.',
      detail: 'Se algo realmente estiver faltando, diga o que você já tem e peça só o que falta.',
    },
    'recap-what-they-told-us': {
      text: 'Comece com uma frase que resuma o que o cliente já nos contou, para ele ver que conhecemos a história.',
      detail: 'Por exemplo: “Você escreveu na segunda que a exportação para em 80% e que limpar o cache não ajudou.”',
    },
    'one-reply-for-all-open': {
      text: 'Vincule ou mescle os outros tickets abertos do cliente e responda a todas as perguntas em aberto em uma única resposta.',
      detail: 'Diga qual ticket você mesclou em qual, para ele saber onde a conversa continua.',
    },
    'reproduce-before-asking': {
      text: 'Tente reproduzir o problema com o que o ticket já diz, e confira os logs e a conta, antes de pedir os passos ao cliente.',
      detail: 'Se precisar mesmo de mais, liste o que você já verificou e peça um passo de diagnóstico por vez.',
    },
    'look-up-billing-history': {
      text: 'Consulte você mesmo faturas, pagamentos e mudanças de plano; nunca peça um número de fatura ou valor que a conta já mostra.',
    },
    'lead-reads-whole-thread': {
      text: 'Quando um cliente escreveu três vezes em uma semana, leia a conversa inteira e combine com o responsável o que vai encerrá-la desta vez.',
    },
    'partner-asks-support': {
      text: 'Leia o resumo do suporte e as palavras do próprio cliente antes de perguntar, e peça o que faltar ao suporte, não ao cliente.',
    },
    'take-ownership': {
      text: 'Assuma o caso: diga que vai levá-lo até o fim, atribua a você e não transfira de novo sem uma passagem acompanhada.',
      detail:
        'Passagem acompanhada significa apresentar a próxima pessoa ao cliente, passar o seu resumo e continuar no ticket até ela confirmar que assumiu.',
    },
    'handover-with-summary': {
      text: 'Ao passar um ticket para outra equipe, escreva você mesmo o resumo e diga ao cliente quem está com ele e quando terá retorno.',
      example:
        'Uma nota interna com o problema, o que foi tentado e o que vem a seguir, e uma resposta que cita o novo responsável.',
    },
    'stay-on-the-bug': {
      text: 'Ao registrar um bug, vincule-o ao ticket, continue sendo o contato do cliente e acompanhe o bug pelo menos duas vezes por semana até ele ser lançado.',
    },
    'lead-takes-unhappy-case': {
      text: 'Quando a última avaliação foi ruim, leia essa conversa e então assuma o caso ou diga ao responsável o que precisa ser diferente.',
    },
    'one-owner-per-incident': {
      text: 'Durante um incidente, defina um único responsável pelos tickets marcados e confira se cada um recebe cada atualização de status.',
    },
    'partner-names-themselves': {
      text: 'Coloque seu nome no escalonamento e publique o andamento na issue vinculada pelo menos a cada dois dias úteis, até ser lançada ou recusada.',
    },
    'partner-answers-support': {
      text: 'Responda às perguntas do suporte sobre um escalonamento em até um dia útil, mesmo que a resposta seja “ainda não”.',
    },
    'next-update-time': {
      text: 'Dê um horário certo para a próxima atualização (“até as 15h de amanhã”) e dê notícias até lá, mesmo que não haja novidade.',
    },
    'acknowledge-last-experience': {
      text: 'Reconheça a última experiência na sua primeira linha, sem desculpas, e diga o que você vai fazer diferente desta vez.',
      detail: 'Por exemplo: “Vejo que nossa última conversa não resolveu isso, e sinto muito. Desta vez eu vou …”',
    },
    'bad-news-first': {
      text: 'Dê más notícias nas duas primeiras frases, com o motivo e o que você pode fazer no lugar.',
      detail: 'Nunca esconda um “não” no fim de uma resposta longa.',
    },
    'incident-plain-status': {
      text: 'Confirme o incidente com clareza, mande o link da página de status e diga quando sai a próxima atualização; não chute um prazo de correção.',
    },
    'workaround-limits': {
      text: 'Ao dar uma solução alternativa, diga o que ela não resolve e se há uma correção definitiva planejada; só dê uma data se a engenharia se comprometeu com ela.',
    },
    'exact-amounts': {
      text: 'Para cada cobrança que você explicar, informe o valor exato, a data e o número da fatura; nada de “mais ou menos” ou “em breve”.',
    },
    'on-hold-chase': {
      text: 'Enquanto um ticket está em espera por outra equipe, cobre essa equipe antes do horário prometido e conte ao cliente como está.',
    },
    'lead-owns-missed-update': {
      text: 'Quando uma atualização prometida não foi dada, escreva você mesmo ao cliente no mesmo dia: diga que ela não foi dada e informe o novo horário.',
    },
    'lead-checks-due-updates': {
      text: 'Toda manhã, liste os tickets em espera ou pendentes que passaram do horário de atualização prometido e dê a cada um um responsável para o dia.',
    },
    'partner-realistic-dates': {
      text: 'Dê ao suporte uma data em que você confia, ou diga que ainda não há data; avise o suporte no mesmo dia se uma data atrasar.',
    },
    'welcome-first-contact': {
      text: 'Dê as boas-vindas, explique o que acontece agora e quanto costuma demorar, e diga que basta responder a esta mensagem.',
    },
    'no-jargon': {
      text: 'Escreva sem nomes internos, códigos de ticket ou jargão; se precisar de um termo técnico, explique-o na mesma frase.',
    },
    'chat-short-and-timed': {
      text: 'No chat, responda em até um minuto, mantenha cada mensagem em duas ou três linhas e avise quando precisar de alguns minutos para verificar algo.',
      detail:
        'Antes de transferir um chat, escreva um resumo de duas linhas na transferência, para a próxima pessoa cumprimentar o cliente pelo nome e pelo problema.',
    },
    'call-recap-in-writing': {
      text: 'Antes de encerrar uma ligação, resuma o que foi combinado e quem faz o quê a seguir, e envie o mesmo resumo por escrito.',
      detail:
        'Confirme a identidade uma vez por ligação e anote no ticket que ela foi confirmada, para ninguém perguntar de novo.',
    },
    'messaging-stay-in-app': {
      text: 'No WhatsApp, SMS ou outros apps de mensagens, resolva no próprio app: um assunto por mensagem e nada de pedir para “mandar um e-mail em vez disso”.',
    },
    'pending-one-clear-ask': {
      text: 'Quando o ticket aguarda o cliente, termine com uma frase que diga exatamente o que você precisa dele, e lembre-o uma vez após dois dias úteis.',
    },
    'do-it-for-them': {
      text: 'Faça você mesmo mudanças de plano, reembolsos e correções de fatura quando a política permitir, em vez de mandar instruções ao cliente.',
    },
    'refund-without-hoops': {
      text: 'Para um reembolso dentro da política, aprove nesta resposta sem perguntar o motivo de novo, e informe o valor e a data em que ele vai chegar.',
    },
    'lead-removes-a-second-contact': {
      text: 'Toda semana, encontre o motivo mais comum que fez clientes escreverem duas vezes e elimine-o com a equipe responsável: uma macro, um artigo ou uma correção.',
    },
    'lead-answers-customers': {
      text: 'Toda semana, responda você mesmo a pelo menos cinco tickets de clientes, na ordem em que chegam à fila, e anote um passo de que o cliente não deveria ter precisado.',
    },
    'partner-fixes-the-cause': {
      text: 'Ao corrigir um bug escalonado, mude também a mensagem de erro, a configuração ou o artigo de ajuda que teria deixado os clientes resolverem sozinhos.',
    },
    'answer-the-rating-comment': {
      text: 'Leia o comentário da última avaliação e responda a ele nas suas primeiras linhas: agradeça o elogio ou diga o que mudou desde a reclamação.',
    },
    'log-feedback': {
      text: 'Quando um cliente sugerir algo ou esbarrar em uma lacuna, registre no controle de feedback com as palavras dele e um link para o ticket.',
    },
    'tag-the-root-cause': {
      text: 'Marque cada ticket resolvido com a área do produto e a causa raiz, para que problemas repetidos apareçam no relatório semanal.',
    },
    'log-confusing-charges': {
      text: 'Quando uma cobrança confundiu o cliente, registre qual linha da fatura ou da página de preços o confundiu, com um link para o ticket.',
    },
    'raise-what-got-in-the-way': {
      text: 'Quando uma política, uma ferramenta ou o seu tempo impedir você de seguir um destes comportamentos, clique em “Isso me atrapalhou” nele no mesmo dia e diga o que bloqueou você.',
    },
    'praise-a-colleague': {
      text: 'Toda semana, envie um elogio a um colega por uma promessa que você o viu cumprir, citando o caso e o que ele fez.',
    },
    'close-the-loop': {
      text: 'Quando sair uma correção ou recurso que os clientes pediram, escreva para cada cliente vinculado, em palavras simples, dizendo o que mudou.',
    },
    'reply-to-rating-comments': {
      text: 'Leia cada comentário de avaliação em até um dia útil, responda pessoalmente aos insatisfeitos e compartilhe uma lição com a equipe.',
    },
    'share-praise-weekly': {
      text: 'Toda semana, compartilhe uma frase de cliente com a equipe e envie um elogio, pelo nome, a um colega ou equipe que cumpriu uma promessa.',
    },
    'lead-coaches-weekly': {
      text: 'Toda semana, leia uma conversa de cada agente e diga a ele, por escrito, um comportamento que ele cumpriu nela e onde.',
    },
    'lead-clears-blockers': {
      text: 'Toda semana, leia o que a equipe levantou com “Isso me atrapalhou” e “Sugerir uma mudança”, leve o principal ao responsável e conte à equipe o que mudou.',
    },
    'partner-reads-tickets': {
      text: 'Leia pelo menos cinco tickets de clientes vinculados antes de definir a prioridade de uma correção, e escreva a decisão e o motivo na issue.',
    },
    'partner-incident-voices': {
      text: 'Depois de um incidente, leia os tickets dos clientes afetados e coloque as palavras e os números deles na análise do incidente.',
    },
    'partner-sits-with-support': {
      text: 'Toda semana, passe uma hora com o suporte lendo tickets novos da sua área ou ouvindo ligações, e anote uma mudança a fazer.',
    },
  },
};
