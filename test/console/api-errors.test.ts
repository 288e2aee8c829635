import { describe, expect, it } from 'vitest';
import { ApiError, describeError, errorMessage, parseErrorBody } from '../../console/src/api/api.errors';
import { translator } from '../../console/src/i18n/i18n.context';

const zh = translator('zh-CN');
const en = translator('en-US');

describe('console error messages', () => {
  it("uses the API's own message (already in the requested language) with its code and request id", () => {
    const err = new ApiError(409, { code: 'IDENTITY_USCC_TAKEN', message: '该统一社会信用代码已登记。', requestId: 'req_1' });
    expect(describeError(err, zh)).toEqual({ message: '该统一社会信用代码已登记。', code: 'IDENTITY_USCC_TAKEN', requestId: 'req_1', fields: [] });
    expect(errorMessage(err, zh)).toBe('该统一社会信用代码已登记。 (请求编号 req_1)');
    expect(errorMessage(err, en)).toBe('该统一社会信用代码已登记。 (request req_1)');
  });

  it('lists the fields a validation error names', () => {
    const body = parseErrorBody({ error: { code: 'REQUEST_VALIDATION_FAILED', message: 'x', details: { fields: [{ path: 'body.uscc', problem: 'maxLength' }, { path: 'body.name.zh', problem: 'minLength' }, { nope: 1 }] }, requestId: 'r' } });
    expect(describeError(new ApiError(400, body), en).fields).toEqual(['body.uscc', 'body.name.zh']);
  });

  it('falls back to a local message in the current language when the body is not the API shape', () => {
    expect(parseErrorBody('<html>bad gateway</html>')).toBeNull();
    expect(parseErrorBody({ error: { code: 5, message: 'x' } })).toBeNull();
    expect(errorMessage(new ApiError(502, null), zh)).toBe('服务器出错（HTTP 502），请稍后重试。');
    expect(errorMessage(new ApiError(502, null), en)).toBe('The server failed (HTTP 502); try again later.');
    expect(errorMessage(new ApiError(404, null), en)).toBe('The request failed (HTTP 404).');
  });

  it('says the network failed when fetch itself failed, and something unexpected otherwise', () => {
    expect(errorMessage(new TypeError('Failed to fetch'), en)).toBe('Cannot reach the server; check the network and try again.');
    expect(errorMessage(new TypeError('Failed to fetch'), zh)).toBe('无法连接服务器，请检查网络后重试。');
    expect(errorMessage(new Error('boom'), en)).toBe('Something unexpected went wrong.');
  });
});
