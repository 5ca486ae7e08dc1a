/** The Word documents behind the DocumentRenderer port, in the service's language. */
import type { Locale } from '../../../app/i18n/locale';
import type { KallelseView } from '../../../app/kallelse-view';
import type { MinutesDocumentView } from '../../../app/minutes-document-view';
import type { DocumentRenderer } from '../../../app/ports/publishing';
import { renderKallelseDocx } from './kallelse-docx';
import { renderMinutesDocx } from './minutes-docx';

export class DocxRenderer implements DocumentRenderer {
  constructor(private readonly locale: Locale) {}

  minutes(view: MinutesDocumentView): Promise<Uint8Array> {
    return renderMinutesDocx(view, this.locale);
  }

  kallelse(view: KallelseView): Promise<Uint8Array> {
    return renderKallelseDocx(view, this.locale);
  }
}
