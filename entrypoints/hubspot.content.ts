import { helpdeskContentScript } from '@/utils/content-script/helpdesk-script';
import { hubspotPage } from '@/utils/helpdesks/hubspot/page';

export default helpdeskContentScript(hubspotPage);
