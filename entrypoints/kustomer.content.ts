import { helpdeskContentScript } from '@/utils/content-script/helpdesk-script';
import { kustomerPage } from '@/utils/helpdesks/kustomer/page';

export default helpdeskContentScript(kustomerPage);
