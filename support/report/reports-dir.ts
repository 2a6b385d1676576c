import { join } from 'node:path';
import { REPO_ROOT } from '../images/image-recipes';

export const REPORTS_DIR = join(REPO_ROOT, 'reports');
