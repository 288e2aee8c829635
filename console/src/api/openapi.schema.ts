/**
 * GENERATED from /api/openapi.json by `npm run generate:api` — do not edit by hand.
 * test/console/api-client.test.ts fails when this file no longer matches the server.
 */
/* eslint-disable */
export interface paths {
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in with user name, email or phone */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        login: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            expiresAt: string;
                            token: string;
                            user: {
                                /** Format: date-time */
                                createdAt: string;
                                displayName: string;
                                email: string | null;
                                id: string;
                                memberRole: string;
                                orgId: string;
                                personRoles: string[];
                                phone: string | null;
                                status: string;
                                username: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the current session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The resource category tree (基础库, 主题库, …) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description the child categories, each of this same shape */
                                children: unknown[];
                                code: string;
                                id: string;
                                name: {
                                    en: string;
                                    zh: string;
                                };
                                parentId: string | null;
                                sortOrder: number;
                            }[];
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a category (data bureau) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description unique, e.g. theme.credit */
                        code: string;
                        name: {
                            en: string;
                            zh: string;
                        };
                        parentId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the child categories, each of this same shape */
                            children: unknown[];
                            code: string;
                            id: string;
                            name: {
                                en: string;
                                zh: string;
                            };
                            parentId: string | null;
                            sortOrder: number;
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/categories/{categoryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename, move or reorder a category (data bureau); a move never makes a cycle */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    categoryId: string;
                };
                cookie?: never;
            };
            /** @description rename, move (parentId; null = a root) or reorder */
            requestBody: {
                content: {
                    "application/json": {
                        name?: {
                            en: string;
                            zh: string;
                        };
                        parentId?: string | null;
                        sortOrder?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the child categories, each of this same shape */
                            children: unknown[];
                            code: string;
                            id: string;
                            name: {
                                en: string;
                                zh: string;
                            };
                            parentId: string | null;
                            sortOrder: number;
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/catalog/elements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The data element standard: search, filter, sort, page */
        get: {
            parameters: {
                query: {
                    dataType?: "string" | "integer" | "decimal" | "date" | "datetime" | "boolean" | "code";
                    order: "asc" | "desc";
                    page: number;
                    pageSize: number;
                    /** @description part of the identifier or the Chinese or English name */
                    q?: string;
                    sort: "identifier" | "createdAt";
                    sourceOrgId?: string;
                    status?: "active" | "retired";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                codeList: {
                                    code: string;
                                    label: {
                                        en: string;
                                        zh: string;
                                    };
                                }[] | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** @enum {string} */
                                dataType: "string" | "integer" | "decimal" | "date" | "datetime" | "boolean" | "code";
                                definition: {
                                    en: string;
                                    zh: string;
                                } | null;
                                format: {
                                    /** @enum {string} */
                                    kind: "validator";
                                    name: string;
                                } | {
                                    /** @enum {string} */
                                    kind: "regex";
                                    pattern: string;
                                } | null;
                                id: string;
                                identifier: string;
                                name: {
                                    en: string;
                                    zh: string;
                                };
                                ownerOrgId: string;
                                sourceOrgId: string;
                                /** @enum {string} */
                                status: "active" | "retired";
                                unit: string | null;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Define a data element (一数一源一标准), owned by the caller's data bureau */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the value domain; required iff dataType is code */
                        codeList?: {
                            /** @description no leading or trailing white space */
                            code: string;
                            label: {
                                en: string;
                                zh: string;
                            };
                        }[];
                        /** @enum {string} */
                        dataType: "string" | "integer" | "decimal" | "date" | "datetime" | "boolean" | "code";
                        definition?: {
                            en: string;
                            zh: string;
                        };
                        format?: {
                            /** @enum {string} */
                            kind: "validator";
                            name: string;
                        } | {
                            /** @enum {string} */
                            kind: "regex";
                            /** @description at most 500 characters */
                            pattern: string;
                        };
                        /** @description unique, e.g. DE.PERSON.ID */
                        identifier: string;
                        name: {
                            en: string;
                            zh: string;
                        };
                        /** @description the one authoritative source unit (一数一源): an active organisation with the source_unit role */
                        sourceOrgId: string;
                        unit?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            codeList: {
                                code: string;
                                label: {
                                    en: string;
                                    zh: string;
                                };
                            }[] | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @enum {string} */
                            dataType: "string" | "integer" | "decimal" | "date" | "datetime" | "boolean" | "code";
                            definition: {
                                en: string;
                                zh: string;
                            } | null;
                            format: {
                                /** @enum {string} */
                                kind: "validator";
                                name: string;
                            } | {
                                /** @enum {string} */
                                kind: "regex";
                                pattern: string;
                            } | null;
                            id: string;
                            identifier: string;
                            name: {
                                en: string;
                                zh: string;
                            };
                            ownerOrgId: string;
                            sourceOrgId: string;
                            /** @enum {string} */
                            status: "active" | "retired";
                            unit: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/elements/{elementId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One data element */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    elementId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            codeList: {
                                code: string;
                                label: {
                                    en: string;
                                    zh: string;
                                };
                            }[] | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @enum {string} */
                            dataType: "string" | "integer" | "decimal" | "date" | "datetime" | "boolean" | "code";
                            definition: {
                                en: string;
                                zh: string;
                            } | null;
                            format: {
                                /** @enum {string} */
                                kind: "validator";
                                name: string;
                            } | {
                                /** @enum {string} */
                                kind: "regex";
                                pattern: string;
                            } | null;
                            id: string;
                            identifier: string;
                            name: {
                                en: string;
                                zh: string;
                            };
                            ownerOrgId: string;
                            sourceOrgId: string;
                            /** @enum {string} */
                            status: "active" | "retired";
                            unit: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a data element (owner bureau only); its version goes up by one */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    elementId: string;
                };
                cookie?: never;
            };
            /** @description fields to change; null clears an optional field */
            requestBody: {
                content: {
                    "application/json": {
                        codeList?: {
                            /** @description no leading or trailing white space */
                            code: string;
                            label: {
                                en: string;
                                zh: string;
                            };
                        }[] | null;
                        definition?: {
                            en: string;
                            zh: string;
                        } | null;
                        format?: ({
                            /** @enum {string} */
                            kind: "validator";
                            name: string;
                        } | {
                            /** @enum {string} */
                            kind: "regex";
                            /** @description at most 500 characters */
                            pattern: string;
                        }) | null;
                        name?: {
                            en: string;
                            zh: string;
                        };
                        unit?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            codeList: {
                                code: string;
                                label: {
                                    en: string;
                                    zh: string;
                                };
                            }[] | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @enum {string} */
                            dataType: "string" | "integer" | "decimal" | "date" | "datetime" | "boolean" | "code";
                            definition: {
                                en: string;
                                zh: string;
                            } | null;
                            format: {
                                /** @enum {string} */
                                kind: "validator";
                                name: string;
                            } | {
                                /** @enum {string} */
                                kind: "regex";
                                pattern: string;
                            } | null;
                            id: string;
                            identifier: string;
                            name: {
                                en: string;
                                zh: string;
                            };
                            ownerOrgId: string;
                            sourceOrgId: string;
                            /** @enum {string} */
                            status: "active" | "retired";
                            unit: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/catalog/elements/{elementId}/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check a value against the element's data type, format and code list (changes nothing) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    elementId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        value: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable reason code, e.g. checksum, format, calendar, scale, pattern_mismatch, not_in_code_list */
                            reason?: string;
                            valid: boolean;
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/elements/{elementId}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retire a data element (owner bureau only) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    elementId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            codeList: {
                                code: string;
                                label: {
                                    en: string;
                                    zh: string;
                                };
                            }[] | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @enum {string} */
                            dataType: "string" | "integer" | "decimal" | "date" | "datetime" | "boolean" | "code";
                            definition: {
                                en: string;
                                zh: string;
                            } | null;
                            format: {
                                /** @enum {string} */
                                kind: "validator";
                                name: string;
                            } | {
                                /** @enum {string} */
                                kind: "regex";
                                pattern: string;
                            } | null;
                            id: string;
                            identifier: string;
                            name: {
                                en: string;
                                zh: string;
                            };
                            ownerOrgId: string;
                            sourceOrgId: string;
                            /** @enum {string} */
                            status: "active" | "retired";
                            unit: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/elements/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The active data element standard as CSV (UTF-8) or XLSX; `template=true` gives the empty import template */
        get: {
            parameters: {
                query?: {
                    format?: "csv" | "xlsx";
                    template?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/elements/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import data elements from a CSV (UTF-8 or GBK) or XLSX file: all rows or none */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        contentBase64: string;
                        format: "csv" | "xlsx";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created: number;
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/resources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Resources the caller may see: everyone's published public data and all of its own organisation's */
        get: {
            parameters: {
                query: {
                    category?: string;
                    /** @description GB/T 43697-2024: core 核心数据 > important 重要数据 > general 一般数据 */
                    level?: "core" | "important" | "general";
                    page: number;
                    pageSize: number;
                    /** @description part of the Chinese or English title */
                    q?: string;
                    /** @description public = public data (公共数据) of a public body; social = social data (社会数据) of an enterprise, private to it */
                    scope?: "public" | "social";
                    sourceOrgId?: string;
                    status?: "draft" | "submitted" | "published" | "superseded" | "deprecated";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                categoryId: string;
                                coverage: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                description: {
                                    en: string;
                                    zh: string;
                                } | null;
                                fields: {
                                    /** @enum {string} */
                                    dataType: "string" | "integer" | "decimal" | "date" | "datetime" | "boolean" | "code";
                                    elementId: string | null;
                                    elementIdentifier: string | null;
                                    format: {
                                        kind: string;
                                        name?: string;
                                        pattern?: string;
                                    } | null;
                                    grade: {
                                        generalLevel: number | null;
                                        /**
                                         * @description GB/T 43697-2024: core 核心数据 > important 重要数据 > general 一般数据
                                         * @enum {string}
                                         */
                                        level: "core" | "important" | "general";
                                        /** @enum {string} */
                                        personalInfo: "none" | "personal" | "sensitive";
                                        sensitiveCategories: ("biometrics" | "religious_beliefs" | "specific_identity" | "medical_health" | "financial_accounts" | "whereabouts" | "minors_under_14")[];
                                    } | null;
                                    key: boolean;
                                    label: {
                                        en: string;
                                        zh: string;
                                    };
                                    name: string;
                                }[];
                                /** @enum {string} */
                                format: "table" | "api" | "file";
                                /** @description computed: the highest field level (就高从严) */
                                grading: {
                                    generalLevel: number | null;
                                    level: ("core" | "important" | "general") | null;
                                    /** @enum {string} */
                                    personalInfo: "none" | "personal" | "sensitive";
                                };
                                headVersion: number;
                                id: string;
                                liveVersion: number | null;
                                open: {
                                    conditions?: string;
                                    legalBasis?: string;
                                    /** @enum {string} */
                                    type: "unconditional" | "conditional" | "none";
                                } | null;
                                publishedAt: string | null;
                                /**
                                 * @description public = public data (公共数据) of a public body; social = social data (社会数据) of an enterprise, private to it
                                 * @enum {string}
                                 */
                                scope: "public" | "social";
                                sharing: {
                                    conditions?: string;
                                    legalBasis?: string;
                                    /** @enum {string} */
                                    type: "unconditional" | "conditional" | "none";
                                } | null;
                                sourceOrgId: string;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "published" | "superseded" | "deprecated";
                                submittedAt: string | null;
                                systemName: string | null;
                                timeSpan: {
                                    from: string | null;
                                    to: string | null;
                                } | null;
                                title: {
                                    en: string;
                                    zh: string;
                                };
                                /** Format: date-time */
                                updatedAt: string;
                                /** @enum {string} */
                                updateFrequency: "realtime" | "daily" | "weekly" | "monthly" | "quarterly" | "yearly" | "irregular";
                                /** @description the version shown: the head for its own organisation, the published one for others */
                                version: number;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Catalogue a resource of the caller's organisation (a draft; public data for a public body, social data otherwise) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        categoryId: string;
                        coverage?: string;
                        description?: {
                            en: string;
                            zh: string;
                        };
                        fields: {
                            /** @enum {string} */
                            dataType?: "string" | "integer" | "decimal" | "date" | "datetime" | "boolean" | "code";
                            /** @description bound to a data element: its data type and format apply */
                            elementId?: string;
                            grade?: {
                                /** @description general data sub-level (GB/T 43697-2024 Annex H); required iff level is general */
                                generalLevel?: number;
                                /**
                                 * @description GB/T 43697-2024: core 核心数据 > important 重要数据 > general 一般数据
                                 * @enum {string}
                                 */
                                level: "core" | "important" | "general";
                                /** @enum {string} */
                                personalInfo: "none" | "personal" | "sensitive";
                                /** @description required (non-empty) iff personalInfo is sensitive */
                                sensitiveCategories?: ("biometrics" | "religious_beliefs" | "specific_identity" | "medical_health" | "financial_accounts" | "whereabouts" | "minors_under_14")[];
                            };
                            key?: boolean;
                            label: {
                                en: string;
                                zh: string;
                            };
                            name: string;
                        }[];
                        /** @enum {string} */
                        format: "table" | "api" | "file";
                        /** @description conditional requires conditions; sharing none requires a legal basis */
                        open?: {
                            conditions?: string;
                            legalBasis?: string;
                            /**
                             * @description unconditional 无条件 | conditional 有条件 | none 不予
                             * @enum {string}
                             */
                            type: "unconditional" | "conditional" | "none";
                        };
                        /** @description conditional requires conditions; sharing none requires a legal basis */
                        sharing?: {
                            conditions?: string;
                            legalBasis?: string;
                            /**
                             * @description unconditional 无条件 | conditional 有条件 | none 不予
                             * @enum {string}
                             */
                            type: "unconditional" | "conditional" | "none";
                        };
                        systemName?: string;
                        timeSpan?: {
                            /** @description YYYY-MM-DD */
                            from?: string;
                            /** @description YYYY-MM-DD */
                            to?: string;
                        };
                        title: {
                            en: string;
                            zh: string;
                        };
                        /** @enum {string} */
                        updateFrequency: "realtime" | "daily" | "weekly" | "monthly" | "quarterly" | "yearly" | "irregular";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            categoryId: string;
                            coverage: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            description: {
                                en: string;
                                zh: string;
                            } | null;
                            fields: {
                                /** @enum {string} */
                                dataType: "string" | "integer" | "decimal" | "date" | "datetime" | "boolean" | "code";
                                elementId: string | null;
                                elementIdentifier: string | null;
                                format: {
                                    kind: string;
                                    name?: string;
                                    pattern?: string;
                                } | null;
                                grade: {
                                    generalLevel: number | null;
                                    /**
                                     * @description GB/T 43697-2024: core 核心数据 > important 重要数据 > general 一般数据
                                     * @enum {string}
                                     */
                                    level: "core" | "important" | "general";
                                    /** @enum {string} */
                                    personalInfo: "none" | "personal" | "sensitive";
                                    sensitiveCategories: ("biometrics" | "religious_beliefs" | "specific_identity" | "medical_health" | "financial_accounts" | "whereabouts" | "minors_under_14")[];
                                } | null;
                                key: boolean;
                                label: {
                                    en: string;
                                    zh: string;
                                };
                                name: string;
                            }[];
                            /** @enum {string} */
                            format: "table" | "api" | "file";
                            /** @description computed: the highest field level (就高从严) */
                            grading: {
                                generalLevel: number | null;
                                level: ("core" | "important" | "general") | null;
                                /** @enum {string} */
                                personalInfo: "none" | "personal" | "sensitive";
                            };
                            headVersion: number;
                            id: string;
                            liveVersion: number | null;
                            open: {
                                conditions?: string;
                                legalBasis?: string;
                                /** @enum {string} */
                                type: "unconditional" | "conditional" | "none";
                            } | null;
                            publishedAt: string | null;
                            /**
                             * @description public = public data (公共数据) of a public body; social = social data (社会数据) of an enterprise, private to it
                             * @enum {string}
                             */
                            scope: "public" | "social";
                            sharing: {
                                conditions?: string;
                                legalBasis?: string;
                                /** @enum {string} */
                                type: "unconditional" | "conditional" | "none";
                            } | null;
                            sourceOrgId: string;
                            /** @enum {string} */
                            status: "draft" | "submitted" | "published" | "superseded" | "deprecated";
                            submittedAt: string | null;
                            systemName: string | null;
                            timeSpan: {
                                from: string | null;
                                to: string | null;
                            } | null;
                            title: {
                                en: string;
                                zh: string;
                            };
                            /** Format: date-time */
                            updatedAt: string;
                            /** @enum {string} */
                            updateFrequency: "realtime" | "daily" | "weekly" | "monthly" | "quarterly" | "yearly" | "irregular";
                            /** @description the version shown: the head for its own organisation, the published one for others */
                            version: number;
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/resources/{resourceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One resource, at the version the caller may see */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    resourceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            categoryId: string;
                            coverage: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            description: {
                                en: string;
                                zh: string;
                            } | null;
                            fields: {
                                /** @enum {string} */
                                dataType: "string" | "integer" | "decimal" | "date" | "datetime" | "boolean" | "code";
                                elementId: string | null;
                                elementIdentifier: string | null;
                                format: {
                                    kind: string;
                                    name?: string;
                                    pattern?: string;
                                } | null;
                                grade: {
                                    generalLevel: number | null;
                                    /**
                                     * @description GB/T 43697-2024: core 核心数据 > important 重要数据 > general 一般数据
                                     * @enum {string}
                                     */
                                    level: "core" | "important" | "general";
                                    /** @enum {string} */
                                    personalInfo: "none" | "personal" | "sensitive";
                                    sensitiveCategories: ("biometrics" | "religious_beliefs" | "specific_identity" | "medical_health" | "financial_accounts" | "whereabouts" | "minors_under_14")[];
                                } | null;
                                key: boolean;
                                label: {
                                    en: string;
                                    zh: string;
                                };
                                name: string;
                            }[];
                            /** @enum {string} */
                            format: "table" | "api" | "file";
                            /** @description computed: the highest field level (就高从严) */
                            grading: {
                                generalLevel: number | null;
                                level: ("core" | "important" | "general") | null;
                                /** @enum {string} */
                                personalInfo: "none" | "personal" | "sensitive";
                            };
                            headVersion: number;
                            id: string;
                            liveVersion: number | null;
                            open: {
                                conditions?: string;
                                legalBasis?: string;
                                /** @enum {string} */
                                type: "unconditional" | "conditional" | "none";
                            } | null;
                            publishedAt: string | null;
                            /**
                             * @description public = public data (公共数据) of a public body; social = social data (社会数据) of an enterprise, private to it
                             * @enum {string}
                             */
                            scope: "public" | "social";
                            sharing: {
                                conditions?: string;
                                legalBasis?: string;
                                /** @enum {string} */
                                type: "unconditional" | "conditional" | "none";
                            } | null;
                            sourceOrgId: string;
                            /** @enum {string} */
                            status: "draft" | "submitted" | "published" | "superseded" | "deprecated";
                            submittedAt: string | null;
                            systemName: string | null;
                            timeSpan: {
                                from: string | null;
                                to: string | null;
                            } | null;
                            title: {
                                en: string;
                                zh: string;
                            };
                            /** Format: date-time */
                            updatedAt: string;
                            /** @enum {string} */
                            updateFrequency: "realtime" | "daily" | "weekly" | "monthly" | "quarterly" | "yearly" | "irregular";
                            /** @description the version shown: the head for its own organisation, the published one for others */
                            version: number;
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a draft, or start a new draft version of a published resource (own organisation) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    resourceId: string;
                };
                cookie?: never;
            };
            /** @description fields to change; null clears an optional one. A published resource gets a new draft version. */
            requestBody: {
                content: {
                    "application/json": {
                        categoryId?: string;
                        coverage?: string | null;
                        description?: {
                            en: string;
                            zh: string;
                        } | null;
                        fields?: {
                            /** @enum {string} */
                            dataType?: "string" | "integer" | "decimal" | "date" | "datetime" | "boolean" | "code";
                            /** @description bound to a data element: its data type and format apply */
                            elementId?: string;
                            grade?: {
                                /** @description general data sub-level (GB/T 43697-2024 Annex H); required iff level is general */
                                generalLevel?: number;
                                /**
                                 * @description GB/T 43697-2024: core 核心数据 > important 重要数据 > general 一般数据
                                 * @enum {string}
                                 */
                                level: "core" | "important" | "general";
                                /** @enum {string} */
                                personalInfo: "none" | "personal" | "sensitive";
                                /** @description required (non-empty) iff personalInfo is sensitive */
                                sensitiveCategories?: ("biometrics" | "religious_beliefs" | "specific_identity" | "medical_health" | "financial_accounts" | "whereabouts" | "minors_under_14")[];
                            };
                            key?: boolean;
                            label: {
                                en: string;
                                zh: string;
                            };
                            name: string;
                        }[];
                        /** @enum {string} */
                        format?: "table" | "api" | "file";
                        open?: {
                            conditions?: string;
                            legalBasis?: string;
                            /**
                             * @description unconditional 无条件 | conditional 有条件 | none 不予
                             * @enum {string}
                             */
                            type: "unconditional" | "conditional" | "none";
                        } | null;
                        sharing?: {
                            conditions?: string;
                            legalBasis?: string;
                            /**
                             * @description unconditional 无条件 | conditional 有条件 | none 不予
                             * @enum {string}
                             */
                            type: "unconditional" | "conditional" | "none";
                        } | null;
                        systemName?: string | null;
                        timeSpan?: {
                            /** @description YYYY-MM-DD */
                            from?: string;
                            /** @description YYYY-MM-DD */
                            to?: string;
                        } | null;
                        title?: {
                            en: string;
                            zh: string;
                        };
                        /** @enum {string} */
                        updateFrequency?: "realtime" | "daily" | "weekly" | "monthly" | "quarterly" | "yearly" | "irregular";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            categoryId: string;
                            coverage: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            description: {
                                en: string;
                                zh: string;
                            } | null;
                            fields: {
                                /** @enum {string} */
                                dataType: "string" | "integer" | "decimal" | "date" | "datetime" | "boolean" | "code";
                                elementId: string | null;
                                elementIdentifier: string | null;
                                format: {
                                    kind: string;
                                    name?: string;
                                    pattern?: string;
                                } | null;
                                grade: {
                                    generalLevel: number | null;
                                    /**
                                     * @description GB/T 43697-2024: core 核心数据 > important 重要数据 > general 一般数据
                                     * @enum {string}
                                     */
                                    level: "core" | "important" | "general";
                                    /** @enum {string} */
                                    personalInfo: "none" | "personal" | "sensitive";
                                    sensitiveCategories: ("biometrics" | "religious_beliefs" | "specific_identity" | "medical_health" | "financial_accounts" | "whereabouts" | "minors_under_14")[];
                                } | null;
                                key: boolean;
                                label: {
                                    en: string;
                                    zh: string;
                                };
                                name: string;
                            }[];
                            /** @enum {string} */
                            format: "table" | "api" | "file";
                            /** @description computed: the highest field level (就高从严) */
                            grading: {
                                generalLevel: number | null;
                                level: ("core" | "important" | "general") | null;
                                /** @enum {string} */
                                personalInfo: "none" | "personal" | "sensitive";
                            };
                            headVersion: number;
                            id: string;
                            liveVersion: number | null;
                            open: {
                                conditions?: string;
                                legalBasis?: string;
                                /** @enum {string} */
                                type: "unconditional" | "conditional" | "none";
                            } | null;
                            publishedAt: string | null;
                            /**
                             * @description public = public data (公共数据) of a public body; social = social data (社会数据) of an enterprise, private to it
                             * @enum {string}
                             */
                            scope: "public" | "social";
                            sharing: {
                                conditions?: string;
                                legalBasis?: string;
                                /** @enum {string} */
                                type: "unconditional" | "conditional" | "none";
                            } | null;
                            sourceOrgId: string;
                            /** @enum {string} */
                            status: "draft" | "submitted" | "published" | "superseded" | "deprecated";
                            submittedAt: string | null;
                            systemName: string | null;
                            timeSpan: {
                                from: string | null;
                                to: string | null;
                            } | null;
                            title: {
                                en: string;
                                zh: string;
                            };
                            /** Format: date-time */
                            updatedAt: string;
                            /** @enum {string} */
                            updateFrequency: "realtime" | "daily" | "weekly" | "monthly" | "quarterly" | "yearly" | "irregular";
                            /** @description the version shown: the head for its own organisation, the published one for others */
                            version: number;
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/catalog/resources/{resourceId}/deprecate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deprecate a published resource (its own org_admin, or the data bureau for public data) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    resourceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            categoryId: string;
                            coverage: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            description: {
                                en: string;
                                zh: string;
                            } | null;
                            fields: {
                                /** @enum {string} */
                                dataType: "string" | "integer" | "decimal" | "date" | "datetime" | "boolean" | "code";
                                elementId: string | null;
                                elementIdentifier: string | null;
                                format: {
                                    kind: string;
                                    name?: string;
                                    pattern?: string;
                                } | null;
                                grade: {
                                    generalLevel: number | null;
                                    /**
                                     * @description GB/T 43697-2024: core 核心数据 > important 重要数据 > general 一般数据
                                     * @enum {string}
                                     */
                                    level: "core" | "important" | "general";
                                    /** @enum {string} */
                                    personalInfo: "none" | "personal" | "sensitive";
                                    sensitiveCategories: ("biometrics" | "religious_beliefs" | "specific_identity" | "medical_health" | "financial_accounts" | "whereabouts" | "minors_under_14")[];
                                } | null;
                                key: boolean;
                                label: {
                                    en: string;
                                    zh: string;
                                };
                                name: string;
                            }[];
                            /** @enum {string} */
                            format: "table" | "api" | "file";
                            /** @description computed: the highest field level (就高从严) */
                            grading: {
                                generalLevel: number | null;
                                level: ("core" | "important" | "general") | null;
                                /** @enum {string} */
                                personalInfo: "none" | "personal" | "sensitive";
                            };
                            headVersion: number;
                            id: string;
                            liveVersion: number | null;
                            open: {
                                conditions?: string;
                                legalBasis?: string;
                                /** @enum {string} */
                                type: "unconditional" | "conditional" | "none";
                            } | null;
                            publishedAt: string | null;
                            /**
                             * @description public = public data (公共数据) of a public body; social = social data (社会数据) of an enterprise, private to it
                             * @enum {string}
                             */
                            scope: "public" | "social";
                            sharing: {
                                conditions?: string;
                                legalBasis?: string;
                                /** @enum {string} */
                                type: "unconditional" | "conditional" | "none";
                            } | null;
                            sourceOrgId: string;
                            /** @enum {string} */
                            status: "draft" | "submitted" | "published" | "superseded" | "deprecated";
                            submittedAt: string | null;
                            systemName: string | null;
                            timeSpan: {
                                from: string | null;
                                to: string | null;
                            } | null;
                            title: {
                                en: string;
                                zh: string;
                            };
                            /** Format: date-time */
                            updatedAt: string;
                            /** @enum {string} */
                            updateFrequency: "realtime" | "daily" | "weekly" | "monthly" | "quarterly" | "yearly" | "irregular";
                            /** @description the version shown: the head for its own organisation, the published one for others */
                            version: number;
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/resources/{resourceId}/fields/{field}/grade": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Grade one field of a draft (GB/T 43697-2024 level, personal information); the resource takes its highest field level */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    field: string;
                    resourceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description general data sub-level (GB/T 43697-2024 Annex H); required iff level is general */
                        generalLevel?: number;
                        /**
                         * @description GB/T 43697-2024: core 核心数据 > important 重要数据 > general 一般数据
                         * @enum {string}
                         */
                        level: "core" | "important" | "general";
                        /** @enum {string} */
                        personalInfo: "none" | "personal" | "sensitive";
                        /** @description required (non-empty) iff personalInfo is sensitive */
                        sensitiveCategories?: ("biometrics" | "religious_beliefs" | "specific_identity" | "medical_health" | "financial_accounts" | "whereabouts" | "minors_under_14")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            categoryId: string;
                            coverage: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            description: {
                                en: string;
                                zh: string;
                            } | null;
                            fields: {
                                /** @enum {string} */
                                dataType: "string" | "integer" | "decimal" | "date" | "datetime" | "boolean" | "code";
                                elementId: string | null;
                                elementIdentifier: string | null;
                                format: {
                                    kind: string;
                                    name?: string;
                                    pattern?: string;
                                } | null;
                                grade: {
                                    generalLevel: number | null;
                                    /**
                                     * @description GB/T 43697-2024: core 核心数据 > important 重要数据 > general 一般数据
                                     * @enum {string}
                                     */
                                    level: "core" | "important" | "general";
                                    /** @enum {string} */
                                    personalInfo: "none" | "personal" | "sensitive";
                                    sensitiveCategories: ("biometrics" | "religious_beliefs" | "specific_identity" | "medical_health" | "financial_accounts" | "whereabouts" | "minors_under_14")[];
                                } | null;
                                key: boolean;
                                label: {
                                    en: string;
                                    zh: string;
                                };
                                name: string;
                            }[];
                            /** @enum {string} */
                            format: "table" | "api" | "file";
                            /** @description computed: the highest field level (就高从严) */
                            grading: {
                                generalLevel: number | null;
                                level: ("core" | "important" | "general") | null;
                                /** @enum {string} */
                                personalInfo: "none" | "personal" | "sensitive";
                            };
                            headVersion: number;
                            id: string;
                            liveVersion: number | null;
                            open: {
                                conditions?: string;
                                legalBasis?: string;
                                /** @enum {string} */
                                type: "unconditional" | "conditional" | "none";
                            } | null;
                            publishedAt: string | null;
                            /**
                             * @description public = public data (公共数据) of a public body; social = social data (社会数据) of an enterprise, private to it
                             * @enum {string}
                             */
                            scope: "public" | "social";
                            sharing: {
                                conditions?: string;
                                legalBasis?: string;
                                /** @enum {string} */
                                type: "unconditional" | "conditional" | "none";
                            } | null;
                            sourceOrgId: string;
                            /** @enum {string} */
                            status: "draft" | "submitted" | "published" | "superseded" | "deprecated";
                            submittedAt: string | null;
                            systemName: string | null;
                            timeSpan: {
                                from: string | null;
                                to: string | null;
                            } | null;
                            title: {
                                en: string;
                                zh: string;
                            };
                            /** Format: date-time */
                            updatedAt: string;
                            /** @enum {string} */
                            updateFrequency: "realtime" | "daily" | "weekly" | "monthly" | "quarterly" | "yearly" | "irregular";
                            /** @description the version shown: the head for its own organisation, the published one for others */
                            version: number;
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/resources/{resourceId}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish the submitted version: public data by the data bureau, social data by its own org_admin (grading re-checked) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    resourceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            categoryId: string;
                            coverage: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            description: {
                                en: string;
                                zh: string;
                            } | null;
                            fields: {
                                /** @enum {string} */
                                dataType: "string" | "integer" | "decimal" | "date" | "datetime" | "boolean" | "code";
                                elementId: string | null;
                                elementIdentifier: string | null;
                                format: {
                                    kind: string;
                                    name?: string;
                                    pattern?: string;
                                } | null;
                                grade: {
                                    generalLevel: number | null;
                                    /**
                                     * @description GB/T 43697-2024: core 核心数据 > important 重要数据 > general 一般数据
                                     * @enum {string}
                                     */
                                    level: "core" | "important" | "general";
                                    /** @enum {string} */
                                    personalInfo: "none" | "personal" | "sensitive";
                                    sensitiveCategories: ("biometrics" | "religious_beliefs" | "specific_identity" | "medical_health" | "financial_accounts" | "whereabouts" | "minors_under_14")[];
                                } | null;
                                key: boolean;
                                label: {
                                    en: string;
                                    zh: string;
                                };
                                name: string;
                            }[];
                            /** @enum {string} */
                            format: "table" | "api" | "file";
                            /** @description computed: the highest field level (就高从严) */
                            grading: {
                                generalLevel: number | null;
                                level: ("core" | "important" | "general") | null;
                                /** @enum {string} */
                                personalInfo: "none" | "personal" | "sensitive";
                            };
                            headVersion: number;
                            id: string;
                            liveVersion: number | null;
                            open: {
                                conditions?: string;
                                legalBasis?: string;
                                /** @enum {string} */
                                type: "unconditional" | "conditional" | "none";
                            } | null;
                            publishedAt: string | null;
                            /**
                             * @description public = public data (公共数据) of a public body; social = social data (社会数据) of an enterprise, private to it
                             * @enum {string}
                             */
                            scope: "public" | "social";
                            sharing: {
                                conditions?: string;
                                legalBasis?: string;
                                /** @enum {string} */
                                type: "unconditional" | "conditional" | "none";
                            } | null;
                            sourceOrgId: string;
                            /** @enum {string} */
                            status: "draft" | "submitted" | "published" | "superseded" | "deprecated";
                            submittedAt: string | null;
                            systemName: string | null;
                            timeSpan: {
                                from: string | null;
                                to: string | null;
                            } | null;
                            title: {
                                en: string;
                                zh: string;
                            };
                            /** Format: date-time */
                            updatedAt: string;
                            /** @enum {string} */
                            updateFrequency: "realtime" | "daily" | "weekly" | "monthly" | "quarterly" | "yearly" | "irregular";
                            /** @description the version shown: the head for its own organisation, the published one for others */
                            version: number;
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/resources/{resourceId}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit the draft for publication (own organisation) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    resourceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            categoryId: string;
                            coverage: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            description: {
                                en: string;
                                zh: string;
                            } | null;
                            fields: {
                                /** @enum {string} */
                                dataType: "string" | "integer" | "decimal" | "date" | "datetime" | "boolean" | "code";
                                elementId: string | null;
                                elementIdentifier: string | null;
                                format: {
                                    kind: string;
                                    name?: string;
                                    pattern?: string;
                                } | null;
                                grade: {
                                    generalLevel: number | null;
                                    /**
                                     * @description GB/T 43697-2024: core 核心数据 > important 重要数据 > general 一般数据
                                     * @enum {string}
                                     */
                                    level: "core" | "important" | "general";
                                    /** @enum {string} */
                                    personalInfo: "none" | "personal" | "sensitive";
                                    sensitiveCategories: ("biometrics" | "religious_beliefs" | "specific_identity" | "medical_health" | "financial_accounts" | "whereabouts" | "minors_under_14")[];
                                } | null;
                                key: boolean;
                                label: {
                                    en: string;
                                    zh: string;
                                };
                                name: string;
                            }[];
                            /** @enum {string} */
                            format: "table" | "api" | "file";
                            /** @description computed: the highest field level (就高从严) */
                            grading: {
                                generalLevel: number | null;
                                level: ("core" | "important" | "general") | null;
                                /** @enum {string} */
                                personalInfo: "none" | "personal" | "sensitive";
                            };
                            headVersion: number;
                            id: string;
                            liveVersion: number | null;
                            open: {
                                conditions?: string;
                                legalBasis?: string;
                                /** @enum {string} */
                                type: "unconditional" | "conditional" | "none";
                            } | null;
                            publishedAt: string | null;
                            /**
                             * @description public = public data (公共数据) of a public body; social = social data (社会数据) of an enterprise, private to it
                             * @enum {string}
                             */
                            scope: "public" | "social";
                            sharing: {
                                conditions?: string;
                                legalBasis?: string;
                                /** @enum {string} */
                                type: "unconditional" | "conditional" | "none";
                            } | null;
                            sourceOrgId: string;
                            /** @enum {string} */
                            status: "draft" | "submitted" | "published" | "superseded" | "deprecated";
                            submittedAt: string | null;
                            systemName: string | null;
                            timeSpan: {
                                from: string | null;
                                to: string | null;
                            } | null;
                            title: {
                                en: string;
                                zh: string;
                            };
                            /** Format: date-time */
                            updatedAt: string;
                            /** @enum {string} */
                            updateFrequency: "realtime" | "daily" | "weekly" | "monthly" | "quarterly" | "yearly" | "irregular";
                            /** @description the version shown: the head for its own organisation, the published one for others */
                            version: number;
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/validators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Named value validators a data element format may use */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                dataTypes: ("string" | "integer" | "decimal" | "date" | "datetime" | "boolean" | "code")[];
                                label: {
                                    en: string;
                                    zh: string;
                                };
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/attestations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 存证: record the SHA-256 digest of a document for your organisation */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        digest: string;
                        title: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            digest: string;
                            eventId: string;
                            id: string;
                            title: string;
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/checkpoint": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Latest signed checkpoint with witness cosignatures */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cosignatures: {
                                orgId: string;
                                signedAt: string;
                                witness: string;
                            }[];
                            createdAt: string;
                            note: string;
                            rootHash: string;
                            size: number;
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/checkpoints/{size}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A signed checkpoint by tree size */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    size: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cosignatures: {
                                orgId: string;
                                signedAt: string;
                                witness: string;
                            }[];
                            createdAt: string;
                            note: string;
                            rootHash: string;
                            size: number;
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/checkpoints/{size}/cosignatures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Post a witness cosignature (C2SP cosignature/v1 signature line) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    size: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        cosignature: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            signedAt: string;
                            size: number;
                            witness: string;
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/consistency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** RFC 9162 consistency proof between two tree sizes */
        get: {
            parameters: {
                query: {
                    from: number;
                    to: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: number;
                            proof: string[];
                            to: number;
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Entries by event type, organisation or subject (payloads only for their organisation and regulators) */
        get: {
            parameters: {
                query: {
                    order: "asc" | "desc";
                    orgId?: string;
                    page: number;
                    pageSize: number;
                    subjectId?: string;
                    type?: string;
                    typePrefix?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                entry: unknown;
                                index: number;
                                leafHash: string;
                                payload?: unknown;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/entries/{index}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One entry */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    index: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            entry: unknown;
                            index: number;
                            leafHash: string;
                            payload?: unknown;
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/entries/{index}/receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Evidence receipt: entry + inclusion proof + signed checkpoint (verifiable offline) */
        get: {
            parameters: {
                query?: {
                    size?: number;
                };
                header?: never;
                path: {
                    index: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description C2SP signed note: tlog-checkpoint body, ledger signature, witness cosignatures */
                            checkpoint: string;
                            entry: unknown;
                            index: number;
                            leafHash: string;
                            proof: string[];
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/events/{eventId}/receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Receipt for an event id (404 until the sequencer has integrated it) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    eventId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description C2SP signed note: tlog-checkpoint body, ledger signature, witness cosignatures */
                            checkpoint: string;
                            entry: unknown;
                            index: number;
                            leafHash: string;
                            proof: string[];
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ledger's checkpoint verifier key (C2SP vkey) and JWK */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/witnesses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Registered witnesses */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                createdAt: string;
                                id: string;
                                name: string;
                                orgId: string;
                                status: string;
                                verifierKey: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Register a witness public key for the caller's regulator organisation */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        verifierKey: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            id: string;
                            name: string;
                            orgId: string;
                            status: string;
                            verifierKey: string;
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller: user or API key, organisation and roles */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            apiKey?: {
                                id: string;
                                name: string;
                            };
                            kind: "user" | "api_key";
                            memberRole: string;
                            organisation: {
                                /** Format: date-time */
                                createdAt: string;
                                did: string;
                                id: string;
                                name: {
                                    en: string;
                                    zh: string;
                                };
                                roles: string[];
                                status: string;
                                type: string;
                                uscc: string | null;
                            } | null;
                            orgId: string;
                            orgRoles: string[];
                            personRoles: string[];
                            user?: {
                                /** Format: date-time */
                                createdAt: string;
                                displayName: string;
                                email: string | null;
                                id: string;
                                memberRole: string;
                                orgId: string;
                                personRoles: string[];
                                phone: string | null;
                                status: string;
                                username: string;
                            } | null;
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Directory of organisations (public profile fields) */
        get: {
            parameters: {
                query: {
                    order: "asc" | "desc";
                    page: number;
                    pageSize: number;
                    q?: string;
                    role?: "platform_admin" | "data_bureau" | "source_unit" | "implementing_body" | "operator" | "exchange" | "data_merchant" | "broker" | "service_provider" | "enterprise" | "regulator" | "customs_officer";
                    sort: "name" | "createdAt";
                    type?: "government" | "public_institution" | "public_enterprise" | "enterprise" | "social_organisation" | "platform";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                createdAt: string;
                                did: string;
                                id: string;
                                name: {
                                    en: string;
                                    zh: string;
                                };
                                roles: string[];
                                status: string;
                                type: string;
                                uscc: string | null;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Register an organisation (USCC check character verified) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: {
                            en: string;
                            zh: string;
                        };
                        roles: ("platform_admin" | "data_bureau" | "source_unit" | "implementing_body" | "operator" | "exchange" | "data_merchant" | "broker" | "service_provider" | "enterprise" | "regulator" | "customs_officer")[];
                        /** @enum {string} */
                        type?: "government" | "public_institution" | "public_enterprise" | "enterprise" | "social_organisation" | "platform";
                        /** @description 统一社会信用代码 (GB 32100-2015), check character verified */
                        uscc: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            did: string;
                            id: string;
                            name: {
                                en: string;
                                zh: string;
                            };
                            roles: string[];
                            status: string;
                            type: string;
                            uscc: string | null;
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{orgId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Public profile of an organisation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            did: string;
                            id: string;
                            name: {
                                en: string;
                                zh: string;
                            };
                            roles: string[];
                            status: string;
                            type: string;
                            uscc: string | null;
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{orgId}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An organisation's API keys (never the secrets) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                createdAt: string;
                                expiresAt: string | null;
                                id: string;
                                memberRole: string;
                                name: string;
                                orgId: string;
                                prefix: string;
                                revokedAt: string | null;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an API key; the key is shown once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        expiresAt?: string;
                        /** @enum {string} */
                        memberRole?: "org_admin" | "staff" | "finance" | "auditor";
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            expiresAt: string | null;
                            id: string;
                            memberRole: string;
                            name: string;
                            orgId: string;
                            prefix: string;
                            revokedAt: string | null;
                        } & {
                            key: string;
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{orgId}/api-keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    keyId: string;
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{orgId}/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An organisation's public signing keys, current and retired */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                algorithm: string;
                                keyId: string;
                                publicJwk: unknown;
                                status: string;
                                validFrom: string;
                                validUntil: string | null;
                            }[];
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{orgId}/keys/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate the organisation's signing key (old seals stay verifiable) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{orgId}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An organisation's users (own organisation only) */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                };
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                createdAt: string;
                                displayName: string;
                                email: string | null;
                                id: string;
                                memberRole: string;
                                orgId: string;
                                personRoles: string[];
                                phone: string | null;
                                status: string;
                                username: string;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a user to an organisation */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName: string;
                        /** Format: email */
                        email?: string;
                        /** @enum {string} */
                        memberRole: "org_admin" | "staff" | "finance" | "auditor";
                        password: string;
                        personRoles?: ("cdo" | "compliance_reviewer")[];
                        /** @description mainland mobile number */
                        phone?: string;
                        username: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            displayName: string;
                            email: string | null;
                            id: string;
                            memberRole: string;
                            orgId: string;
                            personRoles: string[];
                            phone: string | null;
                            status: string;
                            username: string;
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/seals/sign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Apply the caller's organisation seal (电子印章) to a JSON payload */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description any JSON; its RFC 8785 canonical form is signed */
                        payload: unknown;
                        purpose?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            seal: {
                                alg: string;
                                digest: string;
                                kid: string;
                                orgId: string;
                                signature: string;
                                signedAt: string;
                                signedBy?: string;
                                signer: string;
                                /** @enum {number} */
                                v: 1;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/seals/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify an electronic seal over a payload */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        payload: unknown;
                        seal: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            kid?: string;
                            orgId?: string;
                            reason?: string;
                            signedAt?: string;
                            valid: boolean;
                        };
                    };
                };
                /** @description Error body: stable code, localized message (Accept-Language), request id */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}/did.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** did:web DID document of an organisation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
