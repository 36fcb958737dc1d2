export * from './case';
export * from './common';
export * from './helpdesks';
export * from './records';
export * from './settings';
