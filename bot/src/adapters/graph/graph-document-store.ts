/**
 * The group's document library (its SharePoint drive, the gemensamt arbetsrum) over Graph:
 * `PUT /groups/{id}/drive/root:/{path}:/content` for files up to 4 MB, an upload session in
 * chunks for larger ones, then the library's metadata columns where it has them.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Logger } from '../../app/ports/logger';
import type { DocumentStore, StoredDocument } from '../../app/ports/publishing';
import {
  createGraphClient,
  DOCX_TYPE,
  graphFailure,
  graphStatus,
  putBytes,
  withTransientRetries,
  type GraphConnection,
} from './graph-client';

/** Graph recommends an upload session above 4 MB. */
export const SIMPLE_UPLOAD_MAX = 4 * 1024 * 1024;
/** Chunks must be multiples of 320 KiB; 10 × 320 KiB keeps each request small. */
const CHUNK = 10 * 320 * 1024;

interface DriveItem {
  id: string;
  webUrl: string;
  parentReference?: { driveId?: string };
}

/** Each path segment percent-encoded; the slashes between them stay. */
const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');

export class GraphDocumentStore implements DocumentStore {
  private readonly client: Client;

  constructor(
    private readonly connection: GraphConnection,
    private readonly logger: Logger,
    private readonly simpleUploadMax = SIMPLE_UPLOAD_MAX,
  ) {
    this.client = createGraphClient(connection);
  }

  async put(m365GroupId: string, path: string, content: Uint8Array, fields?: Record<string, string | number>): Promise<StoredDocument> {
    const item =
      content.byteLength <= this.simpleUploadMax
        ? await this.simple(m365GroupId, path, content)
        : await this.session(m365GroupId, path, content);
    if (fields && item.parentReference?.driveId) await this.setFields(item.parentReference.driveId, item.id, fields);
    return { webUrl: item.webUrl };
  }

  private async simple(groupId: string, path: string, content: Uint8Array): Promise<DriveItem> {
    const url = `${this.base()}/groups/${encodeURIComponent(groupId)}/drive/root:/${encodePath(path)}:/content`;
    const { json } = await putBytes(url, content, { 'Content-Type': DOCX_TYPE }, `Bearer ${await this.connection.accessToken()}`);
    return json as DriveItem;
  }

  private async session(groupId: string, path: string, content: Uint8Array): Promise<DriveItem> {
    const session = (await withTransientRetries(() =>
      this.client
        .api(`/groups/${encodeURIComponent(groupId)}/drive/root:/${encodePath(path)}:/createUploadSession`)
        .post({ item: { '@microsoft.graph.conflictBehavior': 'replace' } }),
    )) as { uploadUrl: string };
    let last: unknown = null;
    for (let start = 0; start < content.byteLength; start += CHUNK) {
      const end = Math.min(start + CHUNK, content.byteLength);
      const range = `bytes ${start}-${end - 1}/${content.byteLength}`;
      // The upload URL is pre-authenticated: Graph asks that it get no Authorization header.
      last = (await putBytes(session.uploadUrl, content.subarray(start, end), { 'Content-Range': range }, null)).json;
    }
    return last as DriveItem;
  }

  /** The library may not have these columns: then the file is stored without them, as the issue allows. */
  private async setFields(driveId: string, itemId: string, fields: Record<string, string | number>): Promise<void> {
    try {
      await withTransientRetries(() =>
        this.client.api(`/drives/${encodeURIComponent(driveId)}/items/${encodeURIComponent(itemId)}/listItem/fields`).patch(fields),
      );
    } catch (error) {
      if (graphStatus(error) !== 400) throw error;
      this.logger.debug({ error: graphFailure(error) }, 'document library has no such metadata columns; stored without them');
    }
  }

  private base(): string {
    return this.connection.baseUrl.replace(/\/$/, '');
  }
}
