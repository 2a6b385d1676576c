import { join } from 'node:path';
import { REPO_ROOT } from '../images/image-recipes';

/** Where a run writes its reports; a nested self-check run points it elsewhere so it clobbers nothing. */
export const REPORTS_DIR = process.env.ZKH_REPORTS_DIR ?? join(REPO_ROOT, 'reports');
