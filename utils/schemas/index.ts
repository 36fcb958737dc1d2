export * from './case';
export * from './common';
export * from './records';
export * from './settings';
