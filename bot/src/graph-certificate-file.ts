/**
 * The certificate for app-only Graph tokens (GRAPH_AUTH=certificate). config.ts turns the errors
 * thrown here into configuration errors.
 */
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * Reads the PEM file once, at start, and checks what Entra will check, so a wrong file stops the
 * start instead of the first mail. Messages name the file, never its content.
 */
export function readCertificateFile(file: string): { privateKeyPem: string; certificatePem: string } {
  const problem = (text: string) => new Error(`GRAPH_CERTIFICATE_PATH: ${text} (${file})`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw problem(`cannot be read: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  const keys = text.match(/-----BEGIN ([A-Z ]*)PRIVATE KEY-----[\s\S]+?-----END \1PRIVATE KEY-----/g) ?? [];
  const certificates = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (keys.length !== 1) throw problem(`needs exactly one private key in PEM, found ${keys.length}`);
  const [keyPem] = keys as [string];
  if (keyPem.includes('ENCRYPTED'))
    throw problem('the private key is encrypted: store it unencrypted (and protect the file), e.g. openssl pkcs12 -nodes');
  if (certificates.length === 0) throw problem('has no certificate (-----BEGIN CERTIFICATE-----)');
  let key: KeyObject;
  try {
    key = createPrivateKey(keyPem);
  } catch {
    throw problem('the private key cannot be read');
  }
  // msal signs with PS256 when given a SHA-256 thumbprint: an RSA key.
  if (key.asymmetricKeyType !== 'rsa') throw problem(`the private key must be RSA, not ${key.asymmetricKeyType ?? 'unknown'}`);
  const leaf = certificates.find((pem) => new X509Certificate(pem).checkPrivateKey(key));
  if (!leaf) throw problem('no certificate in the file belongs to the private key');
  // The certificate that signs goes first: its thumbprint is the one Entra looks up.
  return { privateKeyPem: keyPem, certificatePem: [leaf, ...certificates.filter((c) => c !== leaf)].join('\n') };
}
