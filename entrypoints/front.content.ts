import { helpdeskContentScript } from '@/utils/content-script/helpdesk-script';
import { frontPage } from '@/utils/helpdesks/front/page';

export default helpdeskContentScript(frontPage);
