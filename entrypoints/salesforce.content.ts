import { helpdeskContentScript } from '@/utils/content-script/helpdesk-script';
import { salesforcePage } from '@/utils/helpdesks/salesforce/page';

export default helpdeskContentScript(salesforcePage);
