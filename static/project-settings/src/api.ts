import type { Agreement } from '../../../src/engine/agreement/types';
import type { Version } from '../../../src/app/ports/store';
import type { JobView as Job } from '../../../src/app/resolvers/job-routes';
import type { PreviewOutcome, ProjectPreview } from '../../../src/app/resolvers/settings-routes';
import type { Failure, ReplyOf } from '../../shared/api/reply';

/**
 * The project settings page's names for the replies of the routes it calls (src/app/resolvers/contract.ts):
 * `agreements/list`, `projects/get|save|preview`, `jobs/start|status`.
 */

export type { Agreement, Failure, Job, PreviewOutcome, ProjectPreview, Version };

/** A project's agreements, in order. */
export type ProjectList = ReplyOf<'projects/get'>;
