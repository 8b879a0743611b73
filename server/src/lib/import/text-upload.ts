import express, { type RequestHandler } from 'express';
import type { AppError } from '../errors';

/** Reads any upload as the raw request body (an import route's first step). */
export function rawUpload(limitBytes: number): RequestHandler {
  return express.raw({ type: () => true, limit: limitBytes });
}

/**
 * The uploaded file as UTF-8 text. Refuses (the caller's 415 error) an empty body, a
 * binary file (a NUL byte) or bytes that are not UTF-8 (a spreadsheet saved in another
 * encoding), so an import never reads mojibake.
 */
export function uploadedText(body: unknown, notText: () => AppError): string {
  if (!Buffer.isBuffer(body) || body.length === 0 || body.includes(0)) throw notText();
  const text = new TextDecoder('utf-8', { fatal: false }).decode(body);
  if (text.includes('\uFFFD')) throw notText();
  return text;
}
