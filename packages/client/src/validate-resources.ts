import { liveEventSchema, liveRoomSchema, shopSchema, type LiveEvent, type LiveRoom, type Shop } from '@xiaodian/model';
import { check } from './validate.js';

// Kept apart from the product checks: product cards never load these schemas.
export const checkShop = (value: unknown, what: string): Shop => check(shopSchema, value, what);
export const checkLiveRoom = (value: unknown, what: string): LiveRoom => check(liveRoomSchema, value, what);
export const checkLiveEvent = (value: unknown, what: string): LiveEvent => check(liveEventSchema, value, what);
