/** The backup file: one versioned JSON file holding the whole library. */
export { buildBackup, parseBackup, readBackup, settingsToRows, validateBackup, writeBackup, type BackupCheck, type BackupInput, type WrittenBackup } from './backup';
export { LIMITS as BACKUP_LIMITS, isDateInRange, isTimestampInRange } from './schema';
export { BACKUP_FORMAT, BACKUP_VERSION, BackupError, type Backup, type BackupData, type SettingRow, type ShoppingState } from './types';
export {
  RECORD_SCHEMAS,
  isRecordTable,
  isServings,
  recordProblem,
  recordsProblem,
  repairRecord,
  type RecordTable,
} from './schema';
