// Opening a lesson from the page: it becomes the address (`#lesson=<id>`), so the lesson is a link.
import { lessonHash } from '../../scenario/lessons';
import { pushHash, useShare } from '../share/shareStore';
import { startLesson } from './lessonStore';

export function openLesson(id: string): void {
  useShare.setState({ linkError: null, url: null, fingerprint: null, notice: null });
  pushHash(lessonHash(id));
  startLesson(id);
}
