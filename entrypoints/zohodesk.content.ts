import { helpdeskContentScript } from '@/utils/content-script/helpdesk-script';
import { zohodeskPage } from '@/utils/helpdesks/zohodesk/page';

export default helpdeskContentScript(zohodeskPage);
