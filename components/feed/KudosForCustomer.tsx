import { i18n } from '#i18n';
import { KudosList } from '@/components/kudos/KudosList';
import { caseKeyOf, conversationCaseKey, useFeedRefresh, useKudosForCases } from '@/utils/feed/hooks';
import type { CaseContext, Conversation } from '@/utils/schemas';

interface Props {
  current: Pick<CaseContext, 'helpdesk' | 'ticketId'>;
  conversations: readonly Conversation[] | undefined;
  now: number;
}

/** Kudos already given for this customer's conversations, so the next rep sees what went well with them. */
export function KudosForCustomer({ current, conversations, now }: Props) {
  useFeedRefresh();
  const keys = [caseKeyOf(current.helpdesk, current.ticketId), ...(conversations ?? []).map(conversationCaseKey)];
  const kudos = useKudosForCases(keys);
  if (!kudos?.length) return null;
  return (
    <section aria-labelledby="customer-kudos-title" className="customer-kudos">
      {/* The region's name stays clear of "Customer", the name of the panel's first region. */}
      <h2 id="customer-kudos-title" className="heading">
        {i18n.t('feed.wentWell')}
      </h2>
      <p className="muted">{i18n.t('feed.wentWellHint')}</p>
      <KudosList kudos={kudos} now={now} label={i18n.t('feed.givenBefore')} />
    </section>
  );
}
