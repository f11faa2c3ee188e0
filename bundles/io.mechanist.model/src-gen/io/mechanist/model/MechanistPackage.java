/**
 */
package io.mechanist.model;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EReference;

/**
 * <!-- begin-user-doc -->
 * The <b>Package</b> for the model.
 * It contains accessors for the meta objects to represent
 * <ul>
 *   <li>each class,</li>
 *   <li>each feature of each class,</li>
 *   <li>each operation of each class,</li>
 *   <li>each enum,</li>
 *   <li>and each data type</li>
 * </ul>
 * <!-- end-user-doc -->
 * <!-- begin-model-doc -->
 * Metadata of a Mechanist activation store: what was run, on which model and prompts, which hook sites were captured, where the numbers live, and the results of analyses. Bulk numbers live in safetensors files next to the store file; this model only points at them (see docs/store-format.md).
 * <!-- end-model-doc -->
 * @see io.mechanist.model.MechanistFactory
 * @model kind="package"
 * @generated
 */
public interface MechanistPackage extends EPackage {
	/**
	 * The package name.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	String eNAME = "model";

	/**
	 * The package namespace URI.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	String eNS_URI = "http://mechanist.io/model/1.0";

	/**
	 * The package namespace name.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	String eNS_PREFIX = "mechanist";

	/**
	 * The singleton instance of the package.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	MechanistPackage eINSTANCE = io.mechanist.model.impl.MechanistPackageImpl.init();

	/**
	 * The meta object id for the '{@link io.mechanist.model.impl.StoreImpl <em>Store</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.mechanist.model.impl.StoreImpl
	 * @see io.mechanist.model.impl.MechanistPackageImpl#getStore()
	 * @generated
	 */
	int STORE = 0;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORE__NAME = 0;

	/**
	 * The feature id for the '<em><b>Format Version</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORE__FORMAT_VERSION = 1;

	/**
	 * The feature id for the '<em><b>Created At</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORE__CREATED_AT = 2;

	/**
	 * The feature id for the '<em><b>Models</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORE__MODELS = 3;

	/**
	 * The feature id for the '<em><b>Datasets</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORE__DATASETS = 4;

	/**
	 * The feature id for the '<em><b>Captures</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORE__CAPTURES = 5;

	/**
	 * The feature id for the '<em><b>Vectors</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORE__VECTORS = 6;

	/**
	 * The feature id for the '<em><b>Results</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORE__RESULTS = 7;

	/**
	 * The feature id for the '<em><b>Properties</b></em>' map.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORE__PROPERTIES = 8;

	/**
	 * The feature id for the '<em><b>Saes</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORE__SAES = 9;

	/**
	 * The number of structural features of the '<em>Store</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORE_FEATURE_COUNT = 10;

	/**
	 * The number of operations of the '<em>Store</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORE_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link io.mechanist.model.impl.IdentifiedImpl <em>Identified</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.mechanist.model.impl.IdentifiedImpl
	 * @see io.mechanist.model.impl.MechanistPackageImpl#getIdentified()
	 * @generated
	 */
	int IDENTIFIED = 1;

	/**
	 * The feature id for the '<em><b>Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int IDENTIFIED__ID = 0;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int IDENTIFIED__NAME = 1;

	/**
	 * The feature id for the '<em><b>Description</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int IDENTIFIED__DESCRIPTION = 2;

	/**
	 * The feature id for the '<em><b>Created At</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int IDENTIFIED__CREATED_AT = 3;

	/**
	 * The number of structural features of the '<em>Identified</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int IDENTIFIED_FEATURE_COUNT = 4;

	/**
	 * The number of operations of the '<em>Identified</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int IDENTIFIED_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link io.mechanist.model.impl.ModelRefImpl <em>Model Ref</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.mechanist.model.impl.ModelRefImpl
	 * @see io.mechanist.model.impl.MechanistPackageImpl#getModelRef()
	 * @generated
	 */
	int MODEL_REF = 2;

	/**
	 * The feature id for the '<em><b>Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int MODEL_REF__ID = IDENTIFIED__ID;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int MODEL_REF__NAME = IDENTIFIED__NAME;

	/**
	 * The feature id for the '<em><b>Description</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int MODEL_REF__DESCRIPTION = IDENTIFIED__DESCRIPTION;

	/**
	 * The feature id for the '<em><b>Created At</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int MODEL_REF__CREATED_AT = IDENTIFIED__CREATED_AT;

	/**
	 * The feature id for the '<em><b>Folder</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int MODEL_REF__FOLDER = IDENTIFIED_FEATURE_COUNT + 0;

	/**
	 * The feature id for the '<em><b>Architecture</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int MODEL_REF__ARCHITECTURE = IDENTIFIED_FEATURE_COUNT + 1;

	/**
	 * The feature id for the '<em><b>Family</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int MODEL_REF__FAMILY = IDENTIFIED_FEATURE_COUNT + 2;

	/**
	 * The feature id for the '<em><b>Num Layers</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int MODEL_REF__NUM_LAYERS = IDENTIFIED_FEATURE_COUNT + 3;

	/**
	 * The feature id for the '<em><b>DModel</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int MODEL_REF__DMODEL = IDENTIFIED_FEATURE_COUNT + 4;

	/**
	 * The feature id for the '<em><b>Num Heads</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int MODEL_REF__NUM_HEADS = IDENTIFIED_FEATURE_COUNT + 5;

	/**
	 * The feature id for the '<em><b>Vocab Size</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int MODEL_REF__VOCAB_SIZE = IDENTIFIED_FEATURE_COUNT + 6;

	/**
	 * The feature id for the '<em><b>Weight Dtype</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int MODEL_REF__WEIGHT_DTYPE = IDENTIFIED_FEATURE_COUNT + 7;

	/**
	 * The feature id for the '<em><b>Config</b></em>' map.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int MODEL_REF__CONFIG = IDENTIFIED_FEATURE_COUNT + 8;

	/**
	 * The feature id for the '<em><b>Files</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int MODEL_REF__FILES = IDENTIFIED_FEATURE_COUNT + 9;

	/**
	 * The number of structural features of the '<em>Model Ref</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int MODEL_REF_FEATURE_COUNT = IDENTIFIED_FEATURE_COUNT + 10;

	/**
	 * The number of operations of the '<em>Model Ref</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int MODEL_REF_OPERATION_COUNT = IDENTIFIED_OPERATION_COUNT + 0;

	/**
	 * The meta object id for the '{@link io.mechanist.model.impl.FileDigestImpl <em>File Digest</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.mechanist.model.impl.FileDigestImpl
	 * @see io.mechanist.model.impl.MechanistPackageImpl#getFileDigest()
	 * @generated
	 */
	int FILE_DIGEST = 3;

	/**
	 * The feature id for the '<em><b>Path</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FILE_DIGEST__PATH = 0;

	/**
	 * The feature id for the '<em><b>Size</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FILE_DIGEST__SIZE = 1;

	/**
	 * The feature id for the '<em><b>Sha256</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FILE_DIGEST__SHA256 = 2;

	/**
	 * The number of structural features of the '<em>File Digest</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FILE_DIGEST_FEATURE_COUNT = 3;

	/**
	 * The number of operations of the '<em>File Digest</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FILE_DIGEST_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link io.mechanist.model.impl.DatasetImpl <em>Dataset</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.mechanist.model.impl.DatasetImpl
	 * @see io.mechanist.model.impl.MechanistPackageImpl#getDataset()
	 * @generated
	 */
	int DATASET = 4;

	/**
	 * The feature id for the '<em><b>Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DATASET__ID = IDENTIFIED__ID;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DATASET__NAME = IDENTIFIED__NAME;

	/**
	 * The feature id for the '<em><b>Description</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DATASET__DESCRIPTION = IDENTIFIED__DESCRIPTION;

	/**
	 * The feature id for the '<em><b>Created At</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DATASET__CREATED_AT = IDENTIFIED__CREATED_AT;

	/**
	 * The feature id for the '<em><b>Source</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DATASET__SOURCE = IDENTIFIED_FEATURE_COUNT + 0;

	/**
	 * The feature id for the '<em><b>Prompts</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DATASET__PROMPTS = IDENTIFIED_FEATURE_COUNT + 1;

	/**
	 * The number of structural features of the '<em>Dataset</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DATASET_FEATURE_COUNT = IDENTIFIED_FEATURE_COUNT + 2;

	/**
	 * The number of operations of the '<em>Dataset</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DATASET_OPERATION_COUNT = IDENTIFIED_OPERATION_COUNT + 0;

	/**
	 * The meta object id for the '{@link io.mechanist.model.impl.PromptImpl <em>Prompt</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.mechanist.model.impl.PromptImpl
	 * @see io.mechanist.model.impl.MechanistPackageImpl#getPrompt()
	 * @generated
	 */
	int PROMPT = 5;

	/**
	 * The feature id for the '<em><b>Key</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PROMPT__KEY = 0;

	/**
	 * The feature id for the '<em><b>Text</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PROMPT__TEXT = 1;

	/**
	 * The feature id for the '<em><b>Token Ids</b></em>' attribute list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PROMPT__TOKEN_IDS = 2;

	/**
	 * The feature id for the '<em><b>Tokens</b></em>' attribute list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PROMPT__TOKENS = 3;

	/**
	 * The feature id for the '<em><b>Labels</b></em>' map.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PROMPT__LABELS = 4;

	/**
	 * The feature id for the '<em><b>Group Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PROMPT__GROUP_ID = 5;

	/**
	 * The feature id for the '<em><b>Pair Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PROMPT__PAIR_ID = 6;

	/**
	 * The number of structural features of the '<em>Prompt</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PROMPT_FEATURE_COUNT = 7;

	/**
	 * The number of operations of the '<em>Prompt</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PROMPT_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link io.mechanist.model.impl.CaptureImpl <em>Capture</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.mechanist.model.impl.CaptureImpl
	 * @see io.mechanist.model.impl.MechanistPackageImpl#getCapture()
	 * @generated
	 */
	int CAPTURE = 6;

	/**
	 * The feature id for the '<em><b>Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CAPTURE__ID = IDENTIFIED__ID;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CAPTURE__NAME = IDENTIFIED__NAME;

	/**
	 * The feature id for the '<em><b>Description</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CAPTURE__DESCRIPTION = IDENTIFIED__DESCRIPTION;

	/**
	 * The feature id for the '<em><b>Created At</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CAPTURE__CREATED_AT = IDENTIFIED__CREATED_AT;

	/**
	 * The feature id for the '<em><b>Model</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CAPTURE__MODEL = IDENTIFIED_FEATURE_COUNT + 0;

	/**
	 * The feature id for the '<em><b>Dataset</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CAPTURE__DATASET = IDENTIFIED_FEATURE_COUNT + 1;

	/**
	 * The feature id for the '<em><b>Sites</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CAPTURE__SITES = IDENTIFIED_FEATURE_COUNT + 2;

	/**
	 * The feature id for the '<em><b>Positions</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CAPTURE__POSITIONS = IDENTIFIED_FEATURE_COUNT + 3;

	/**
	 * The feature id for the '<em><b>Storage Type</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CAPTURE__STORAGE_TYPE = IDENTIFIED_FEATURE_COUNT + 4;

	/**
	 * The feature id for the '<em><b>Status</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CAPTURE__STATUS = IDENTIFIED_FEATURE_COUNT + 5;

	/**
	 * The feature id for the '<em><b>Completed At</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CAPTURE__COMPLETED_AT = IDENTIFIED_FEATURE_COUNT + 6;

	/**
	 * The feature id for the '<em><b>Folder</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CAPTURE__FOLDER = IDENTIFIED_FEATURE_COUNT + 7;

	/**
	 * The feature id for the '<em><b>Planned Prompts</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CAPTURE__PLANNED_PROMPTS = IDENTIFIED_FEATURE_COUNT + 8;

	/**
	 * The feature id for the '<em><b>Shards</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CAPTURE__SHARDS = IDENTIFIED_FEATURE_COUNT + 9;

	/**
	 * The feature id for the '<em><b>Provenance</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CAPTURE__PROVENANCE = IDENTIFIED_FEATURE_COUNT + 10;

	/**
	 * The number of structural features of the '<em>Capture</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CAPTURE_FEATURE_COUNT = IDENTIFIED_FEATURE_COUNT + 11;

	/**
	 * The number of operations of the '<em>Capture</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CAPTURE_OPERATION_COUNT = IDENTIFIED_OPERATION_COUNT + 0;

	/**
	 * The meta object id for the '{@link io.mechanist.model.impl.HookSiteRefImpl <em>Hook Site Ref</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.mechanist.model.impl.HookSiteRefImpl
	 * @see io.mechanist.model.impl.MechanistPackageImpl#getHookSiteRef()
	 * @generated
	 */
	int HOOK_SITE_REF = 7;

	/**
	 * The feature id for the '<em><b>Site Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int HOOK_SITE_REF__SITE_ID = 0;

	/**
	 * The feature id for the '<em><b>Row Shape</b></em>' attribute list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int HOOK_SITE_REF__ROW_SHAPE = 1;

	/**
	 * The number of structural features of the '<em>Hook Site Ref</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int HOOK_SITE_REF_FEATURE_COUNT = 2;

	/**
	 * The number of operations of the '<em>Hook Site Ref</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int HOOK_SITE_REF_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link io.mechanist.model.impl.PositionSelectionImpl <em>Position Selection</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.mechanist.model.impl.PositionSelectionImpl
	 * @see io.mechanist.model.impl.MechanistPackageImpl#getPositionSelection()
	 * @generated
	 */
	int POSITION_SELECTION = 8;

	/**
	 * The feature id for the '<em><b>Kind</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int POSITION_SELECTION__KIND = 0;

	/**
	 * The feature id for the '<em><b>Start</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int POSITION_SELECTION__START = 1;

	/**
	 * The feature id for the '<em><b>End</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int POSITION_SELECTION__END = 2;

	/**
	 * The feature id for the '<em><b>Positions</b></em>' attribute list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int POSITION_SELECTION__POSITIONS = 3;

	/**
	 * The number of structural features of the '<em>Position Selection</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int POSITION_SELECTION_FEATURE_COUNT = 4;

	/**
	 * The number of operations of the '<em>Position Selection</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int POSITION_SELECTION_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link io.mechanist.model.impl.ShardImpl <em>Shard</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.mechanist.model.impl.ShardImpl
	 * @see io.mechanist.model.impl.MechanistPackageImpl#getShard()
	 * @generated
	 */
	int SHARD = 9;

	/**
	 * The feature id for the '<em><b>File</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SHARD__FILE = 0;

	/**
	 * The feature id for the '<em><b>Size</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SHARD__SIZE = 1;

	/**
	 * The feature id for the '<em><b>Sha256</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SHARD__SHA256 = 2;

	/**
	 * The feature id for the '<em><b>First Prompt</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SHARD__FIRST_PROMPT = 3;

	/**
	 * The feature id for the '<em><b>Prompt Count</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SHARD__PROMPT_COUNT = 4;

	/**
	 * The feature id for the '<em><b>Row Count</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SHARD__ROW_COUNT = 5;

	/**
	 * The number of structural features of the '<em>Shard</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SHARD_FEATURE_COUNT = 6;

	/**
	 * The number of operations of the '<em>Shard</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SHARD_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link io.mechanist.model.impl.ProvenanceImpl <em>Provenance</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.mechanist.model.impl.ProvenanceImpl
	 * @see io.mechanist.model.impl.MechanistPackageImpl#getProvenance()
	 * @generated
	 */
	int PROVENANCE = 10;

	/**
	 * The feature id for the '<em><b>Tool</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PROVENANCE__TOOL = 0;

	/**
	 * The feature id for the '<em><b>Created At</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PROVENANCE__CREATED_AT = 1;

	/**
	 * The feature id for the '<em><b>Versions</b></em>' map.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PROVENANCE__VERSIONS = 2;

	/**
	 * The feature id for the '<em><b>Parameters</b></em>' map.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PROVENANCE__PARAMETERS = 3;

	/**
	 * The number of structural features of the '<em>Provenance</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PROVENANCE_FEATURE_COUNT = 4;

	/**
	 * The number of operations of the '<em>Provenance</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PROVENANCE_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link io.mechanist.model.impl.StoredVectorImpl <em>Stored Vector</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.mechanist.model.impl.StoredVectorImpl
	 * @see io.mechanist.model.impl.MechanistPackageImpl#getStoredVector()
	 * @generated
	 */
	int STORED_VECTOR = 11;

	/**
	 * The feature id for the '<em><b>Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORED_VECTOR__ID = IDENTIFIED__ID;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORED_VECTOR__NAME = IDENTIFIED__NAME;

	/**
	 * The feature id for the '<em><b>Description</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORED_VECTOR__DESCRIPTION = IDENTIFIED__DESCRIPTION;

	/**
	 * The feature id for the '<em><b>Created At</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORED_VECTOR__CREATED_AT = IDENTIFIED__CREATED_AT;

	/**
	 * The feature id for the '<em><b>Site Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORED_VECTOR__SITE_ID = IDENTIFIED_FEATURE_COUNT + 0;

	/**
	 * The feature id for the '<em><b>Dimension</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORED_VECTOR__DIMENSION = IDENTIFIED_FEATURE_COUNT + 1;

	/**
	 * The feature id for the '<em><b>Method</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORED_VECTOR__METHOD = IDENTIFIED_FEATURE_COUNT + 2;

	/**
	 * The feature id for the '<em><b>Norm</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORED_VECTOR__NORM = IDENTIFIED_FEATURE_COUNT + 3;

	/**
	 * The feature id for the '<em><b>File</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORED_VECTOR__FILE = IDENTIFIED_FEATURE_COUNT + 4;

	/**
	 * The feature id for the '<em><b>Tensor Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORED_VECTOR__TENSOR_NAME = IDENTIFIED_FEATURE_COUNT + 5;

	/**
	 * The feature id for the '<em><b>Sha256</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORED_VECTOR__SHA256 = IDENTIFIED_FEATURE_COUNT + 6;

	/**
	 * The feature id for the '<em><b>Source Capture</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORED_VECTOR__SOURCE_CAPTURE = IDENTIFIED_FEATURE_COUNT + 7;

	/**
	 * The feature id for the '<em><b>Source Result</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORED_VECTOR__SOURCE_RESULT = IDENTIFIED_FEATURE_COUNT + 8;

	/**
	 * The feature id for the '<em><b>Provenance</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORED_VECTOR__PROVENANCE = IDENTIFIED_FEATURE_COUNT + 9;

	/**
	 * The number of structural features of the '<em>Stored Vector</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORED_VECTOR_FEATURE_COUNT = IDENTIFIED_FEATURE_COUNT + 10;

	/**
	 * The number of operations of the '<em>Stored Vector</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORED_VECTOR_OPERATION_COUNT = IDENTIFIED_OPERATION_COUNT + 0;

	/**
	 * The meta object id for the '{@link io.mechanist.model.impl.AnalysisResultImpl <em>Analysis Result</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.mechanist.model.impl.AnalysisResultImpl
	 * @see io.mechanist.model.impl.MechanistPackageImpl#getAnalysisResult()
	 * @generated
	 */
	int ANALYSIS_RESULT = 12;

	/**
	 * The feature id for the '<em><b>Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ANALYSIS_RESULT__ID = IDENTIFIED__ID;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ANALYSIS_RESULT__NAME = IDENTIFIED__NAME;

	/**
	 * The feature id for the '<em><b>Description</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ANALYSIS_RESULT__DESCRIPTION = IDENTIFIED__DESCRIPTION;

	/**
	 * The feature id for the '<em><b>Created At</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ANALYSIS_RESULT__CREATED_AT = IDENTIFIED__CREATED_AT;

	/**
	 * The feature id for the '<em><b>Analysis Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ANALYSIS_RESULT__ANALYSIS_ID = IDENTIFIED_FEATURE_COUNT + 0;

	/**
	 * The feature id for the '<em><b>Parameters</b></em>' map.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ANALYSIS_RESULT__PARAMETERS = IDENTIFIED_FEATURE_COUNT + 1;

	/**
	 * The feature id for the '<em><b>Input Captures</b></em>' reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ANALYSIS_RESULT__INPUT_CAPTURES = IDENTIFIED_FEATURE_COUNT + 2;

	/**
	 * The feature id for the '<em><b>Input Vectors</b></em>' reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ANALYSIS_RESULT__INPUT_VECTORS = IDENTIFIED_FEATURE_COUNT + 3;

	/**
	 * The feature id for the '<em><b>Tables</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ANALYSIS_RESULT__TABLES = IDENTIFIED_FEATURE_COUNT + 4;

	/**
	 * The feature id for the '<em><b>Arrays</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ANALYSIS_RESULT__ARRAYS = IDENTIFIED_FEATURE_COUNT + 5;

	/**
	 * The feature id for the '<em><b>Produced Vectors</b></em>' reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ANALYSIS_RESULT__PRODUCED_VECTORS = IDENTIFIED_FEATURE_COUNT + 6;

	/**
	 * The feature id for the '<em><b>Arrays File</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ANALYSIS_RESULT__ARRAYS_FILE = IDENTIFIED_FEATURE_COUNT + 7;

	/**
	 * The feature id for the '<em><b>Arrays Sha256</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ANALYSIS_RESULT__ARRAYS_SHA256 = IDENTIFIED_FEATURE_COUNT + 8;

	/**
	 * The feature id for the '<em><b>Provenance</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ANALYSIS_RESULT__PROVENANCE = IDENTIFIED_FEATURE_COUNT + 9;

	/**
	 * The number of structural features of the '<em>Analysis Result</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ANALYSIS_RESULT_FEATURE_COUNT = IDENTIFIED_FEATURE_COUNT + 10;

	/**
	 * The number of operations of the '<em>Analysis Result</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ANALYSIS_RESULT_OPERATION_COUNT = IDENTIFIED_OPERATION_COUNT + 0;

	/**
	 * The meta object id for the '{@link io.mechanist.model.impl.ResultTableImpl <em>Result Table</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.mechanist.model.impl.ResultTableImpl
	 * @see io.mechanist.model.impl.MechanistPackageImpl#getResultTable()
	 * @generated
	 */
	int RESULT_TABLE = 13;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RESULT_TABLE__NAME = 0;

	/**
	 * The feature id for the '<em><b>Columns</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RESULT_TABLE__COLUMNS = 1;

	/**
	 * The number of structural features of the '<em>Result Table</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RESULT_TABLE_FEATURE_COUNT = 2;

	/**
	 * The number of operations of the '<em>Result Table</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RESULT_TABLE_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link io.mechanist.model.impl.ResultColumnImpl <em>Result Column</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.mechanist.model.impl.ResultColumnImpl
	 * @see io.mechanist.model.impl.MechanistPackageImpl#getResultColumn()
	 * @generated
	 */
	int RESULT_COLUMN = 14;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RESULT_COLUMN__NAME = 0;

	/**
	 * The feature id for the '<em><b>Unit</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RESULT_COLUMN__UNIT = 1;

	/**
	 * The feature id for the '<em><b>Numbers</b></em>' attribute list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RESULT_COLUMN__NUMBERS = 2;

	/**
	 * The feature id for the '<em><b>Texts</b></em>' attribute list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RESULT_COLUMN__TEXTS = 3;

	/**
	 * The number of structural features of the '<em>Result Column</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RESULT_COLUMN_FEATURE_COUNT = 4;

	/**
	 * The number of operations of the '<em>Result Column</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RESULT_COLUMN_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link io.mechanist.model.impl.ResultArrayImpl <em>Result Array</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.mechanist.model.impl.ResultArrayImpl
	 * @see io.mechanist.model.impl.MechanistPackageImpl#getResultArray()
	 * @generated
	 */
	int RESULT_ARRAY = 15;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RESULT_ARRAY__NAME = 0;

	/**
	 * The feature id for the '<em><b>Tensor Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RESULT_ARRAY__TENSOR_NAME = 1;

	/**
	 * The feature id for the '<em><b>Shape</b></em>' attribute list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RESULT_ARRAY__SHAPE = 2;

	/**
	 * The feature id for the '<em><b>Axes</b></em>' attribute list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RESULT_ARRAY__AXES = 3;

	/**
	 * The number of structural features of the '<em>Result Array</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RESULT_ARRAY_FEATURE_COUNT = 4;

	/**
	 * The number of operations of the '<em>Result Array</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RESULT_ARRAY_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link io.mechanist.model.impl.StoredSaeImpl <em>Stored Sae</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.mechanist.model.impl.StoredSaeImpl
	 * @see io.mechanist.model.impl.MechanistPackageImpl#getStoredSae()
	 * @generated
	 */
	int STORED_SAE = 16;

	/**
	 * The feature id for the '<em><b>Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORED_SAE__ID = IDENTIFIED__ID;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORED_SAE__NAME = IDENTIFIED__NAME;

	/**
	 * The feature id for the '<em><b>Description</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORED_SAE__DESCRIPTION = IDENTIFIED__DESCRIPTION;

	/**
	 * The feature id for the '<em><b>Created At</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORED_SAE__CREATED_AT = IDENTIFIED__CREATED_AT;

	/**
	 * The feature id for the '<em><b>Folder</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORED_SAE__FOLDER = IDENTIFIED_FEATURE_COUNT + 0;

	/**
	 * The feature id for the '<em><b>Hook Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORED_SAE__HOOK_NAME = IDENTIFIED_FEATURE_COUNT + 1;

	/**
	 * The feature id for the '<em><b>Site Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORED_SAE__SITE_ID = IDENTIFIED_FEATURE_COUNT + 2;

	/**
	 * The feature id for the '<em><b>Architecture</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORED_SAE__ARCHITECTURE = IDENTIFIED_FEATURE_COUNT + 3;

	/**
	 * The feature id for the '<em><b>DIn</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORED_SAE__DIN = IDENTIFIED_FEATURE_COUNT + 4;

	/**
	 * The feature id for the '<em><b>DSae</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORED_SAE__DSAE = IDENTIFIED_FEATURE_COUNT + 5;

	/**
	 * The feature id for the '<em><b>Model Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORED_SAE__MODEL_NAME = IDENTIFIED_FEATURE_COUNT + 6;

	/**
	 * The feature id for the '<em><b>Added From</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORED_SAE__ADDED_FROM = IDENTIFIED_FEATURE_COUNT + 7;

	/**
	 * The feature id for the '<em><b>Model</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORED_SAE__MODEL = IDENTIFIED_FEATURE_COUNT + 8;

	/**
	 * The feature id for the '<em><b>Files</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORED_SAE__FILES = IDENTIFIED_FEATURE_COUNT + 9;

	/**
	 * The number of structural features of the '<em>Stored Sae</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORED_SAE_FEATURE_COUNT = IDENTIFIED_FEATURE_COUNT + 10;

	/**
	 * The number of operations of the '<em>Stored Sae</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STORED_SAE_OPERATION_COUNT = IDENTIFIED_OPERATION_COUNT + 0;

	/**
	 * The meta object id for the '{@link io.mechanist.model.impl.StringEntryImpl <em>String Entry</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.mechanist.model.impl.StringEntryImpl
	 * @see io.mechanist.model.impl.MechanistPackageImpl#getStringEntry()
	 * @generated
	 */
	int STRING_ENTRY = 17;

	/**
	 * The feature id for the '<em><b>Key</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STRING_ENTRY__KEY = 0;

	/**
	 * The feature id for the '<em><b>Value</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STRING_ENTRY__VALUE = 1;

	/**
	 * The number of structural features of the '<em>String Entry</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STRING_ENTRY_FEATURE_COUNT = 2;

	/**
	 * The number of operations of the '<em>String Entry</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STRING_ENTRY_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link io.mechanist.model.StorageType <em>Storage Type</em>}' enum.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.mechanist.model.StorageType
	 * @see io.mechanist.model.impl.MechanistPackageImpl#getStorageType()
	 * @generated
	 */
	int STORAGE_TYPE = 18;

	/**
	 * The meta object id for the '{@link io.mechanist.model.CaptureStatus <em>Capture Status</em>}' enum.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.mechanist.model.CaptureStatus
	 * @see io.mechanist.model.impl.MechanistPackageImpl#getCaptureStatus()
	 * @generated
	 */
	int CAPTURE_STATUS = 19;

	/**
	 * The meta object id for the '{@link io.mechanist.model.PositionKind <em>Position Kind</em>}' enum.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.mechanist.model.PositionKind
	 * @see io.mechanist.model.impl.MechanistPackageImpl#getPositionKind()
	 * @generated
	 */
	int POSITION_KIND = 20;


	/**
	 * Returns the meta object for class '{@link io.mechanist.model.Store <em>Store</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Store</em>'.
	 * @see io.mechanist.model.Store
	 * @generated
	 */
	EClass getStore();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.Store#getName <em>Name</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Name</em>'.
	 * @see io.mechanist.model.Store#getName()
	 * @see #getStore()
	 * @generated
	 */
	EAttribute getStore_Name();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.Store#getFormatVersion <em>Format Version</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Format Version</em>'.
	 * @see io.mechanist.model.Store#getFormatVersion()
	 * @see #getStore()
	 * @generated
	 */
	EAttribute getStore_FormatVersion();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.Store#getCreatedAt <em>Created At</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Created At</em>'.
	 * @see io.mechanist.model.Store#getCreatedAt()
	 * @see #getStore()
	 * @generated
	 */
	EAttribute getStore_CreatedAt();

	/**
	 * Returns the meta object for the containment reference list '{@link io.mechanist.model.Store#getModels <em>Models</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Models</em>'.
	 * @see io.mechanist.model.Store#getModels()
	 * @see #getStore()
	 * @generated
	 */
	EReference getStore_Models();

	/**
	 * Returns the meta object for the containment reference list '{@link io.mechanist.model.Store#getDatasets <em>Datasets</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Datasets</em>'.
	 * @see io.mechanist.model.Store#getDatasets()
	 * @see #getStore()
	 * @generated
	 */
	EReference getStore_Datasets();

	/**
	 * Returns the meta object for the containment reference list '{@link io.mechanist.model.Store#getCaptures <em>Captures</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Captures</em>'.
	 * @see io.mechanist.model.Store#getCaptures()
	 * @see #getStore()
	 * @generated
	 */
	EReference getStore_Captures();

	/**
	 * Returns the meta object for the containment reference list '{@link io.mechanist.model.Store#getVectors <em>Vectors</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Vectors</em>'.
	 * @see io.mechanist.model.Store#getVectors()
	 * @see #getStore()
	 * @generated
	 */
	EReference getStore_Vectors();

	/**
	 * Returns the meta object for the containment reference list '{@link io.mechanist.model.Store#getResults <em>Results</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Results</em>'.
	 * @see io.mechanist.model.Store#getResults()
	 * @see #getStore()
	 * @generated
	 */
	EReference getStore_Results();

	/**
	 * Returns the meta object for the map '{@link io.mechanist.model.Store#getProperties <em>Properties</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the map '<em>Properties</em>'.
	 * @see io.mechanist.model.Store#getProperties()
	 * @see #getStore()
	 * @generated
	 */
	EReference getStore_Properties();

	/**
	 * Returns the meta object for the containment reference list '{@link io.mechanist.model.Store#getSaes <em>Saes</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Saes</em>'.
	 * @see io.mechanist.model.Store#getSaes()
	 * @see #getStore()
	 * @generated
	 */
	EReference getStore_Saes();

	/**
	 * Returns the meta object for class '{@link io.mechanist.model.Identified <em>Identified</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Identified</em>'.
	 * @see io.mechanist.model.Identified
	 * @generated
	 */
	EClass getIdentified();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.Identified#getId <em>Id</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Id</em>'.
	 * @see io.mechanist.model.Identified#getId()
	 * @see #getIdentified()
	 * @generated
	 */
	EAttribute getIdentified_Id();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.Identified#getName <em>Name</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Name</em>'.
	 * @see io.mechanist.model.Identified#getName()
	 * @see #getIdentified()
	 * @generated
	 */
	EAttribute getIdentified_Name();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.Identified#getDescription <em>Description</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Description</em>'.
	 * @see io.mechanist.model.Identified#getDescription()
	 * @see #getIdentified()
	 * @generated
	 */
	EAttribute getIdentified_Description();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.Identified#getCreatedAt <em>Created At</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Created At</em>'.
	 * @see io.mechanist.model.Identified#getCreatedAt()
	 * @see #getIdentified()
	 * @generated
	 */
	EAttribute getIdentified_CreatedAt();

	/**
	 * Returns the meta object for class '{@link io.mechanist.model.ModelRef <em>Model Ref</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Model Ref</em>'.
	 * @see io.mechanist.model.ModelRef
	 * @generated
	 */
	EClass getModelRef();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.ModelRef#getFolder <em>Folder</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Folder</em>'.
	 * @see io.mechanist.model.ModelRef#getFolder()
	 * @see #getModelRef()
	 * @generated
	 */
	EAttribute getModelRef_Folder();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.ModelRef#getArchitecture <em>Architecture</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Architecture</em>'.
	 * @see io.mechanist.model.ModelRef#getArchitecture()
	 * @see #getModelRef()
	 * @generated
	 */
	EAttribute getModelRef_Architecture();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.ModelRef#getFamily <em>Family</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Family</em>'.
	 * @see io.mechanist.model.ModelRef#getFamily()
	 * @see #getModelRef()
	 * @generated
	 */
	EAttribute getModelRef_Family();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.ModelRef#getNumLayers <em>Num Layers</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Num Layers</em>'.
	 * @see io.mechanist.model.ModelRef#getNumLayers()
	 * @see #getModelRef()
	 * @generated
	 */
	EAttribute getModelRef_NumLayers();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.ModelRef#getDModel <em>DModel</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>DModel</em>'.
	 * @see io.mechanist.model.ModelRef#getDModel()
	 * @see #getModelRef()
	 * @generated
	 */
	EAttribute getModelRef_DModel();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.ModelRef#getNumHeads <em>Num Heads</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Num Heads</em>'.
	 * @see io.mechanist.model.ModelRef#getNumHeads()
	 * @see #getModelRef()
	 * @generated
	 */
	EAttribute getModelRef_NumHeads();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.ModelRef#getVocabSize <em>Vocab Size</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Vocab Size</em>'.
	 * @see io.mechanist.model.ModelRef#getVocabSize()
	 * @see #getModelRef()
	 * @generated
	 */
	EAttribute getModelRef_VocabSize();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.ModelRef#getWeightDtype <em>Weight Dtype</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Weight Dtype</em>'.
	 * @see io.mechanist.model.ModelRef#getWeightDtype()
	 * @see #getModelRef()
	 * @generated
	 */
	EAttribute getModelRef_WeightDtype();

	/**
	 * Returns the meta object for the map '{@link io.mechanist.model.ModelRef#getConfig <em>Config</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the map '<em>Config</em>'.
	 * @see io.mechanist.model.ModelRef#getConfig()
	 * @see #getModelRef()
	 * @generated
	 */
	EReference getModelRef_Config();

	/**
	 * Returns the meta object for the containment reference list '{@link io.mechanist.model.ModelRef#getFiles <em>Files</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Files</em>'.
	 * @see io.mechanist.model.ModelRef#getFiles()
	 * @see #getModelRef()
	 * @generated
	 */
	EReference getModelRef_Files();

	/**
	 * Returns the meta object for class '{@link io.mechanist.model.FileDigest <em>File Digest</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>File Digest</em>'.
	 * @see io.mechanist.model.FileDigest
	 * @generated
	 */
	EClass getFileDigest();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.FileDigest#getPath <em>Path</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Path</em>'.
	 * @see io.mechanist.model.FileDigest#getPath()
	 * @see #getFileDigest()
	 * @generated
	 */
	EAttribute getFileDigest_Path();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.FileDigest#getSize <em>Size</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Size</em>'.
	 * @see io.mechanist.model.FileDigest#getSize()
	 * @see #getFileDigest()
	 * @generated
	 */
	EAttribute getFileDigest_Size();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.FileDigest#getSha256 <em>Sha256</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Sha256</em>'.
	 * @see io.mechanist.model.FileDigest#getSha256()
	 * @see #getFileDigest()
	 * @generated
	 */
	EAttribute getFileDigest_Sha256();

	/**
	 * Returns the meta object for class '{@link io.mechanist.model.Dataset <em>Dataset</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Dataset</em>'.
	 * @see io.mechanist.model.Dataset
	 * @generated
	 */
	EClass getDataset();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.Dataset#getSource <em>Source</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Source</em>'.
	 * @see io.mechanist.model.Dataset#getSource()
	 * @see #getDataset()
	 * @generated
	 */
	EAttribute getDataset_Source();

	/**
	 * Returns the meta object for the containment reference list '{@link io.mechanist.model.Dataset#getPrompts <em>Prompts</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Prompts</em>'.
	 * @see io.mechanist.model.Dataset#getPrompts()
	 * @see #getDataset()
	 * @generated
	 */
	EReference getDataset_Prompts();

	/**
	 * Returns the meta object for class '{@link io.mechanist.model.Prompt <em>Prompt</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Prompt</em>'.
	 * @see io.mechanist.model.Prompt
	 * @generated
	 */
	EClass getPrompt();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.Prompt#getKey <em>Key</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Key</em>'.
	 * @see io.mechanist.model.Prompt#getKey()
	 * @see #getPrompt()
	 * @generated
	 */
	EAttribute getPrompt_Key();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.Prompt#getText <em>Text</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Text</em>'.
	 * @see io.mechanist.model.Prompt#getText()
	 * @see #getPrompt()
	 * @generated
	 */
	EAttribute getPrompt_Text();

	/**
	 * Returns the meta object for the attribute list '{@link io.mechanist.model.Prompt#getTokenIds <em>Token Ids</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute list '<em>Token Ids</em>'.
	 * @see io.mechanist.model.Prompt#getTokenIds()
	 * @see #getPrompt()
	 * @generated
	 */
	EAttribute getPrompt_TokenIds();

	/**
	 * Returns the meta object for the attribute list '{@link io.mechanist.model.Prompt#getTokens <em>Tokens</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute list '<em>Tokens</em>'.
	 * @see io.mechanist.model.Prompt#getTokens()
	 * @see #getPrompt()
	 * @generated
	 */
	EAttribute getPrompt_Tokens();

	/**
	 * Returns the meta object for the map '{@link io.mechanist.model.Prompt#getLabels <em>Labels</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the map '<em>Labels</em>'.
	 * @see io.mechanist.model.Prompt#getLabels()
	 * @see #getPrompt()
	 * @generated
	 */
	EReference getPrompt_Labels();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.Prompt#getGroupId <em>Group Id</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Group Id</em>'.
	 * @see io.mechanist.model.Prompt#getGroupId()
	 * @see #getPrompt()
	 * @generated
	 */
	EAttribute getPrompt_GroupId();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.Prompt#getPairId <em>Pair Id</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Pair Id</em>'.
	 * @see io.mechanist.model.Prompt#getPairId()
	 * @see #getPrompt()
	 * @generated
	 */
	EAttribute getPrompt_PairId();

	/**
	 * Returns the meta object for class '{@link io.mechanist.model.Capture <em>Capture</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Capture</em>'.
	 * @see io.mechanist.model.Capture
	 * @generated
	 */
	EClass getCapture();

	/**
	 * Returns the meta object for the reference '{@link io.mechanist.model.Capture#getModel <em>Model</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the reference '<em>Model</em>'.
	 * @see io.mechanist.model.Capture#getModel()
	 * @see #getCapture()
	 * @generated
	 */
	EReference getCapture_Model();

	/**
	 * Returns the meta object for the reference '{@link io.mechanist.model.Capture#getDataset <em>Dataset</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the reference '<em>Dataset</em>'.
	 * @see io.mechanist.model.Capture#getDataset()
	 * @see #getCapture()
	 * @generated
	 */
	EReference getCapture_Dataset();

	/**
	 * Returns the meta object for the containment reference list '{@link io.mechanist.model.Capture#getSites <em>Sites</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Sites</em>'.
	 * @see io.mechanist.model.Capture#getSites()
	 * @see #getCapture()
	 * @generated
	 */
	EReference getCapture_Sites();

	/**
	 * Returns the meta object for the containment reference '{@link io.mechanist.model.Capture#getPositions <em>Positions</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference '<em>Positions</em>'.
	 * @see io.mechanist.model.Capture#getPositions()
	 * @see #getCapture()
	 * @generated
	 */
	EReference getCapture_Positions();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.Capture#getStorageType <em>Storage Type</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Storage Type</em>'.
	 * @see io.mechanist.model.Capture#getStorageType()
	 * @see #getCapture()
	 * @generated
	 */
	EAttribute getCapture_StorageType();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.Capture#getStatus <em>Status</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Status</em>'.
	 * @see io.mechanist.model.Capture#getStatus()
	 * @see #getCapture()
	 * @generated
	 */
	EAttribute getCapture_Status();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.Capture#getCompletedAt <em>Completed At</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Completed At</em>'.
	 * @see io.mechanist.model.Capture#getCompletedAt()
	 * @see #getCapture()
	 * @generated
	 */
	EAttribute getCapture_CompletedAt();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.Capture#getFolder <em>Folder</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Folder</em>'.
	 * @see io.mechanist.model.Capture#getFolder()
	 * @see #getCapture()
	 * @generated
	 */
	EAttribute getCapture_Folder();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.Capture#getPlannedPrompts <em>Planned Prompts</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Planned Prompts</em>'.
	 * @see io.mechanist.model.Capture#getPlannedPrompts()
	 * @see #getCapture()
	 * @generated
	 */
	EAttribute getCapture_PlannedPrompts();

	/**
	 * Returns the meta object for the containment reference list '{@link io.mechanist.model.Capture#getShards <em>Shards</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Shards</em>'.
	 * @see io.mechanist.model.Capture#getShards()
	 * @see #getCapture()
	 * @generated
	 */
	EReference getCapture_Shards();

	/**
	 * Returns the meta object for the containment reference '{@link io.mechanist.model.Capture#getProvenance <em>Provenance</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference '<em>Provenance</em>'.
	 * @see io.mechanist.model.Capture#getProvenance()
	 * @see #getCapture()
	 * @generated
	 */
	EReference getCapture_Provenance();

	/**
	 * Returns the meta object for class '{@link io.mechanist.model.HookSiteRef <em>Hook Site Ref</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Hook Site Ref</em>'.
	 * @see io.mechanist.model.HookSiteRef
	 * @generated
	 */
	EClass getHookSiteRef();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.HookSiteRef#getSiteId <em>Site Id</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Site Id</em>'.
	 * @see io.mechanist.model.HookSiteRef#getSiteId()
	 * @see #getHookSiteRef()
	 * @generated
	 */
	EAttribute getHookSiteRef_SiteId();

	/**
	 * Returns the meta object for the attribute list '{@link io.mechanist.model.HookSiteRef#getRowShape <em>Row Shape</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute list '<em>Row Shape</em>'.
	 * @see io.mechanist.model.HookSiteRef#getRowShape()
	 * @see #getHookSiteRef()
	 * @generated
	 */
	EAttribute getHookSiteRef_RowShape();

	/**
	 * Returns the meta object for class '{@link io.mechanist.model.PositionSelection <em>Position Selection</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Position Selection</em>'.
	 * @see io.mechanist.model.PositionSelection
	 * @generated
	 */
	EClass getPositionSelection();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.PositionSelection#getKind <em>Kind</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Kind</em>'.
	 * @see io.mechanist.model.PositionSelection#getKind()
	 * @see #getPositionSelection()
	 * @generated
	 */
	EAttribute getPositionSelection_Kind();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.PositionSelection#getStart <em>Start</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Start</em>'.
	 * @see io.mechanist.model.PositionSelection#getStart()
	 * @see #getPositionSelection()
	 * @generated
	 */
	EAttribute getPositionSelection_Start();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.PositionSelection#getEnd <em>End</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>End</em>'.
	 * @see io.mechanist.model.PositionSelection#getEnd()
	 * @see #getPositionSelection()
	 * @generated
	 */
	EAttribute getPositionSelection_End();

	/**
	 * Returns the meta object for the attribute list '{@link io.mechanist.model.PositionSelection#getPositions <em>Positions</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute list '<em>Positions</em>'.
	 * @see io.mechanist.model.PositionSelection#getPositions()
	 * @see #getPositionSelection()
	 * @generated
	 */
	EAttribute getPositionSelection_Positions();

	/**
	 * Returns the meta object for class '{@link io.mechanist.model.Shard <em>Shard</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Shard</em>'.
	 * @see io.mechanist.model.Shard
	 * @generated
	 */
	EClass getShard();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.Shard#getFile <em>File</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>File</em>'.
	 * @see io.mechanist.model.Shard#getFile()
	 * @see #getShard()
	 * @generated
	 */
	EAttribute getShard_File();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.Shard#getSize <em>Size</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Size</em>'.
	 * @see io.mechanist.model.Shard#getSize()
	 * @see #getShard()
	 * @generated
	 */
	EAttribute getShard_Size();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.Shard#getSha256 <em>Sha256</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Sha256</em>'.
	 * @see io.mechanist.model.Shard#getSha256()
	 * @see #getShard()
	 * @generated
	 */
	EAttribute getShard_Sha256();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.Shard#getFirstPrompt <em>First Prompt</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>First Prompt</em>'.
	 * @see io.mechanist.model.Shard#getFirstPrompt()
	 * @see #getShard()
	 * @generated
	 */
	EAttribute getShard_FirstPrompt();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.Shard#getPromptCount <em>Prompt Count</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Prompt Count</em>'.
	 * @see io.mechanist.model.Shard#getPromptCount()
	 * @see #getShard()
	 * @generated
	 */
	EAttribute getShard_PromptCount();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.Shard#getRowCount <em>Row Count</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Row Count</em>'.
	 * @see io.mechanist.model.Shard#getRowCount()
	 * @see #getShard()
	 * @generated
	 */
	EAttribute getShard_RowCount();

	/**
	 * Returns the meta object for class '{@link io.mechanist.model.Provenance <em>Provenance</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Provenance</em>'.
	 * @see io.mechanist.model.Provenance
	 * @generated
	 */
	EClass getProvenance();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.Provenance#getTool <em>Tool</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Tool</em>'.
	 * @see io.mechanist.model.Provenance#getTool()
	 * @see #getProvenance()
	 * @generated
	 */
	EAttribute getProvenance_Tool();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.Provenance#getCreatedAt <em>Created At</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Created At</em>'.
	 * @see io.mechanist.model.Provenance#getCreatedAt()
	 * @see #getProvenance()
	 * @generated
	 */
	EAttribute getProvenance_CreatedAt();

	/**
	 * Returns the meta object for the map '{@link io.mechanist.model.Provenance#getVersions <em>Versions</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the map '<em>Versions</em>'.
	 * @see io.mechanist.model.Provenance#getVersions()
	 * @see #getProvenance()
	 * @generated
	 */
	EReference getProvenance_Versions();

	/**
	 * Returns the meta object for the map '{@link io.mechanist.model.Provenance#getParameters <em>Parameters</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the map '<em>Parameters</em>'.
	 * @see io.mechanist.model.Provenance#getParameters()
	 * @see #getProvenance()
	 * @generated
	 */
	EReference getProvenance_Parameters();

	/**
	 * Returns the meta object for class '{@link io.mechanist.model.StoredVector <em>Stored Vector</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Stored Vector</em>'.
	 * @see io.mechanist.model.StoredVector
	 * @generated
	 */
	EClass getStoredVector();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.StoredVector#getSiteId <em>Site Id</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Site Id</em>'.
	 * @see io.mechanist.model.StoredVector#getSiteId()
	 * @see #getStoredVector()
	 * @generated
	 */
	EAttribute getStoredVector_SiteId();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.StoredVector#getDimension <em>Dimension</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Dimension</em>'.
	 * @see io.mechanist.model.StoredVector#getDimension()
	 * @see #getStoredVector()
	 * @generated
	 */
	EAttribute getStoredVector_Dimension();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.StoredVector#getMethod <em>Method</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Method</em>'.
	 * @see io.mechanist.model.StoredVector#getMethod()
	 * @see #getStoredVector()
	 * @generated
	 */
	EAttribute getStoredVector_Method();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.StoredVector#getNorm <em>Norm</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Norm</em>'.
	 * @see io.mechanist.model.StoredVector#getNorm()
	 * @see #getStoredVector()
	 * @generated
	 */
	EAttribute getStoredVector_Norm();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.StoredVector#getFile <em>File</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>File</em>'.
	 * @see io.mechanist.model.StoredVector#getFile()
	 * @see #getStoredVector()
	 * @generated
	 */
	EAttribute getStoredVector_File();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.StoredVector#getTensorName <em>Tensor Name</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Tensor Name</em>'.
	 * @see io.mechanist.model.StoredVector#getTensorName()
	 * @see #getStoredVector()
	 * @generated
	 */
	EAttribute getStoredVector_TensorName();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.StoredVector#getSha256 <em>Sha256</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Sha256</em>'.
	 * @see io.mechanist.model.StoredVector#getSha256()
	 * @see #getStoredVector()
	 * @generated
	 */
	EAttribute getStoredVector_Sha256();

	/**
	 * Returns the meta object for the reference '{@link io.mechanist.model.StoredVector#getSourceCapture <em>Source Capture</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the reference '<em>Source Capture</em>'.
	 * @see io.mechanist.model.StoredVector#getSourceCapture()
	 * @see #getStoredVector()
	 * @generated
	 */
	EReference getStoredVector_SourceCapture();

	/**
	 * Returns the meta object for the reference '{@link io.mechanist.model.StoredVector#getSourceResult <em>Source Result</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the reference '<em>Source Result</em>'.
	 * @see io.mechanist.model.StoredVector#getSourceResult()
	 * @see #getStoredVector()
	 * @generated
	 */
	EReference getStoredVector_SourceResult();

	/**
	 * Returns the meta object for the containment reference '{@link io.mechanist.model.StoredVector#getProvenance <em>Provenance</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference '<em>Provenance</em>'.
	 * @see io.mechanist.model.StoredVector#getProvenance()
	 * @see #getStoredVector()
	 * @generated
	 */
	EReference getStoredVector_Provenance();

	/**
	 * Returns the meta object for class '{@link io.mechanist.model.AnalysisResult <em>Analysis Result</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Analysis Result</em>'.
	 * @see io.mechanist.model.AnalysisResult
	 * @generated
	 */
	EClass getAnalysisResult();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.AnalysisResult#getAnalysisId <em>Analysis Id</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Analysis Id</em>'.
	 * @see io.mechanist.model.AnalysisResult#getAnalysisId()
	 * @see #getAnalysisResult()
	 * @generated
	 */
	EAttribute getAnalysisResult_AnalysisId();

	/**
	 * Returns the meta object for the map '{@link io.mechanist.model.AnalysisResult#getParameters <em>Parameters</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the map '<em>Parameters</em>'.
	 * @see io.mechanist.model.AnalysisResult#getParameters()
	 * @see #getAnalysisResult()
	 * @generated
	 */
	EReference getAnalysisResult_Parameters();

	/**
	 * Returns the meta object for the reference list '{@link io.mechanist.model.AnalysisResult#getInputCaptures <em>Input Captures</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the reference list '<em>Input Captures</em>'.
	 * @see io.mechanist.model.AnalysisResult#getInputCaptures()
	 * @see #getAnalysisResult()
	 * @generated
	 */
	EReference getAnalysisResult_InputCaptures();

	/**
	 * Returns the meta object for the reference list '{@link io.mechanist.model.AnalysisResult#getInputVectors <em>Input Vectors</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the reference list '<em>Input Vectors</em>'.
	 * @see io.mechanist.model.AnalysisResult#getInputVectors()
	 * @see #getAnalysisResult()
	 * @generated
	 */
	EReference getAnalysisResult_InputVectors();

	/**
	 * Returns the meta object for the containment reference list '{@link io.mechanist.model.AnalysisResult#getTables <em>Tables</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Tables</em>'.
	 * @see io.mechanist.model.AnalysisResult#getTables()
	 * @see #getAnalysisResult()
	 * @generated
	 */
	EReference getAnalysisResult_Tables();

	/**
	 * Returns the meta object for the containment reference list '{@link io.mechanist.model.AnalysisResult#getArrays <em>Arrays</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Arrays</em>'.
	 * @see io.mechanist.model.AnalysisResult#getArrays()
	 * @see #getAnalysisResult()
	 * @generated
	 */
	EReference getAnalysisResult_Arrays();

	/**
	 * Returns the meta object for the reference list '{@link io.mechanist.model.AnalysisResult#getProducedVectors <em>Produced Vectors</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the reference list '<em>Produced Vectors</em>'.
	 * @see io.mechanist.model.AnalysisResult#getProducedVectors()
	 * @see #getAnalysisResult()
	 * @generated
	 */
	EReference getAnalysisResult_ProducedVectors();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.AnalysisResult#getArraysFile <em>Arrays File</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Arrays File</em>'.
	 * @see io.mechanist.model.AnalysisResult#getArraysFile()
	 * @see #getAnalysisResult()
	 * @generated
	 */
	EAttribute getAnalysisResult_ArraysFile();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.AnalysisResult#getArraysSha256 <em>Arrays Sha256</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Arrays Sha256</em>'.
	 * @see io.mechanist.model.AnalysisResult#getArraysSha256()
	 * @see #getAnalysisResult()
	 * @generated
	 */
	EAttribute getAnalysisResult_ArraysSha256();

	/**
	 * Returns the meta object for the containment reference '{@link io.mechanist.model.AnalysisResult#getProvenance <em>Provenance</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference '<em>Provenance</em>'.
	 * @see io.mechanist.model.AnalysisResult#getProvenance()
	 * @see #getAnalysisResult()
	 * @generated
	 */
	EReference getAnalysisResult_Provenance();

	/**
	 * Returns the meta object for class '{@link io.mechanist.model.ResultTable <em>Result Table</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Result Table</em>'.
	 * @see io.mechanist.model.ResultTable
	 * @generated
	 */
	EClass getResultTable();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.ResultTable#getName <em>Name</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Name</em>'.
	 * @see io.mechanist.model.ResultTable#getName()
	 * @see #getResultTable()
	 * @generated
	 */
	EAttribute getResultTable_Name();

	/**
	 * Returns the meta object for the containment reference list '{@link io.mechanist.model.ResultTable#getColumns <em>Columns</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Columns</em>'.
	 * @see io.mechanist.model.ResultTable#getColumns()
	 * @see #getResultTable()
	 * @generated
	 */
	EReference getResultTable_Columns();

	/**
	 * Returns the meta object for class '{@link io.mechanist.model.ResultColumn <em>Result Column</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Result Column</em>'.
	 * @see io.mechanist.model.ResultColumn
	 * @generated
	 */
	EClass getResultColumn();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.ResultColumn#getName <em>Name</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Name</em>'.
	 * @see io.mechanist.model.ResultColumn#getName()
	 * @see #getResultColumn()
	 * @generated
	 */
	EAttribute getResultColumn_Name();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.ResultColumn#getUnit <em>Unit</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Unit</em>'.
	 * @see io.mechanist.model.ResultColumn#getUnit()
	 * @see #getResultColumn()
	 * @generated
	 */
	EAttribute getResultColumn_Unit();

	/**
	 * Returns the meta object for the attribute list '{@link io.mechanist.model.ResultColumn#getNumbers <em>Numbers</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute list '<em>Numbers</em>'.
	 * @see io.mechanist.model.ResultColumn#getNumbers()
	 * @see #getResultColumn()
	 * @generated
	 */
	EAttribute getResultColumn_Numbers();

	/**
	 * Returns the meta object for the attribute list '{@link io.mechanist.model.ResultColumn#getTexts <em>Texts</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute list '<em>Texts</em>'.
	 * @see io.mechanist.model.ResultColumn#getTexts()
	 * @see #getResultColumn()
	 * @generated
	 */
	EAttribute getResultColumn_Texts();

	/**
	 * Returns the meta object for class '{@link io.mechanist.model.ResultArray <em>Result Array</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Result Array</em>'.
	 * @see io.mechanist.model.ResultArray
	 * @generated
	 */
	EClass getResultArray();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.ResultArray#getName <em>Name</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Name</em>'.
	 * @see io.mechanist.model.ResultArray#getName()
	 * @see #getResultArray()
	 * @generated
	 */
	EAttribute getResultArray_Name();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.ResultArray#getTensorName <em>Tensor Name</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Tensor Name</em>'.
	 * @see io.mechanist.model.ResultArray#getTensorName()
	 * @see #getResultArray()
	 * @generated
	 */
	EAttribute getResultArray_TensorName();

	/**
	 * Returns the meta object for the attribute list '{@link io.mechanist.model.ResultArray#getShape <em>Shape</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute list '<em>Shape</em>'.
	 * @see io.mechanist.model.ResultArray#getShape()
	 * @see #getResultArray()
	 * @generated
	 */
	EAttribute getResultArray_Shape();

	/**
	 * Returns the meta object for the attribute list '{@link io.mechanist.model.ResultArray#getAxes <em>Axes</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute list '<em>Axes</em>'.
	 * @see io.mechanist.model.ResultArray#getAxes()
	 * @see #getResultArray()
	 * @generated
	 */
	EAttribute getResultArray_Axes();

	/**
	 * Returns the meta object for class '{@link io.mechanist.model.StoredSae <em>Stored Sae</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Stored Sae</em>'.
	 * @see io.mechanist.model.StoredSae
	 * @generated
	 */
	EClass getStoredSae();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.StoredSae#getFolder <em>Folder</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Folder</em>'.
	 * @see io.mechanist.model.StoredSae#getFolder()
	 * @see #getStoredSae()
	 * @generated
	 */
	EAttribute getStoredSae_Folder();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.StoredSae#getHookName <em>Hook Name</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Hook Name</em>'.
	 * @see io.mechanist.model.StoredSae#getHookName()
	 * @see #getStoredSae()
	 * @generated
	 */
	EAttribute getStoredSae_HookName();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.StoredSae#getSiteId <em>Site Id</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Site Id</em>'.
	 * @see io.mechanist.model.StoredSae#getSiteId()
	 * @see #getStoredSae()
	 * @generated
	 */
	EAttribute getStoredSae_SiteId();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.StoredSae#getArchitecture <em>Architecture</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Architecture</em>'.
	 * @see io.mechanist.model.StoredSae#getArchitecture()
	 * @see #getStoredSae()
	 * @generated
	 */
	EAttribute getStoredSae_Architecture();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.StoredSae#getDIn <em>DIn</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>DIn</em>'.
	 * @see io.mechanist.model.StoredSae#getDIn()
	 * @see #getStoredSae()
	 * @generated
	 */
	EAttribute getStoredSae_DIn();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.StoredSae#getDSae <em>DSae</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>DSae</em>'.
	 * @see io.mechanist.model.StoredSae#getDSae()
	 * @see #getStoredSae()
	 * @generated
	 */
	EAttribute getStoredSae_DSae();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.StoredSae#getModelName <em>Model Name</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Model Name</em>'.
	 * @see io.mechanist.model.StoredSae#getModelName()
	 * @see #getStoredSae()
	 * @generated
	 */
	EAttribute getStoredSae_ModelName();

	/**
	 * Returns the meta object for the attribute '{@link io.mechanist.model.StoredSae#getAddedFrom <em>Added From</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Added From</em>'.
	 * @see io.mechanist.model.StoredSae#getAddedFrom()
	 * @see #getStoredSae()
	 * @generated
	 */
	EAttribute getStoredSae_AddedFrom();

	/**
	 * Returns the meta object for the reference '{@link io.mechanist.model.StoredSae#getModel <em>Model</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the reference '<em>Model</em>'.
	 * @see io.mechanist.model.StoredSae#getModel()
	 * @see #getStoredSae()
	 * @generated
	 */
	EReference getStoredSae_Model();

	/**
	 * Returns the meta object for the containment reference list '{@link io.mechanist.model.StoredSae#getFiles <em>Files</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Files</em>'.
	 * @see io.mechanist.model.StoredSae#getFiles()
	 * @see #getStoredSae()
	 * @generated
	 */
	EReference getStoredSae_Files();

	/**
	 * Returns the meta object for class '{@link java.util.Map.Entry <em>String Entry</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>String Entry</em>'.
	 * @see java.util.Map.Entry
	 * @model keyDataType="org.eclipse.emf.ecore.EString"
	 *        valueDataType="org.eclipse.emf.ecore.EString"
	 * @generated
	 */
	EClass getStringEntry();

	/**
	 * Returns the meta object for the attribute '{@link java.util.Map.Entry <em>Key</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Key</em>'.
	 * @see java.util.Map.Entry
	 * @see #getStringEntry()
	 * @generated
	 */
	EAttribute getStringEntry_Key();

	/**
	 * Returns the meta object for the attribute '{@link java.util.Map.Entry <em>Value</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Value</em>'.
	 * @see java.util.Map.Entry
	 * @see #getStringEntry()
	 * @generated
	 */
	EAttribute getStringEntry_Value();

	/**
	 * Returns the meta object for enum '{@link io.mechanist.model.StorageType <em>Storage Type</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for enum '<em>Storage Type</em>'.
	 * @see io.mechanist.model.StorageType
	 * @generated
	 */
	EEnum getStorageType();

	/**
	 * Returns the meta object for enum '{@link io.mechanist.model.CaptureStatus <em>Capture Status</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for enum '<em>Capture Status</em>'.
	 * @see io.mechanist.model.CaptureStatus
	 * @generated
	 */
	EEnum getCaptureStatus();

	/**
	 * Returns the meta object for enum '{@link io.mechanist.model.PositionKind <em>Position Kind</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for enum '<em>Position Kind</em>'.
	 * @see io.mechanist.model.PositionKind
	 * @generated
	 */
	EEnum getPositionKind();

	/**
	 * Returns the factory that creates the instances of the model.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the factory that creates the instances of the model.
	 * @generated
	 */
	MechanistFactory getMechanistFactory();

	/**
	 * <!-- begin-user-doc -->
	 * Defines literals for the meta objects that represent
	 * <ul>
	 *   <li>each class,</li>
	 *   <li>each feature of each class,</li>
	 *   <li>each operation of each class,</li>
	 *   <li>each enum,</li>
	 *   <li>and each data type</li>
	 * </ul>
	 * <!-- end-user-doc -->
	 * @generated
	 */
	interface Literals {
		/**
		 * The meta object literal for the '{@link io.mechanist.model.impl.StoreImpl <em>Store</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.mechanist.model.impl.StoreImpl
		 * @see io.mechanist.model.impl.MechanistPackageImpl#getStore()
		 * @generated
		 */
		EClass STORE = eINSTANCE.getStore();

		/**
		 * The meta object literal for the '<em><b>Name</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute STORE__NAME = eINSTANCE.getStore_Name();

		/**
		 * The meta object literal for the '<em><b>Format Version</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute STORE__FORMAT_VERSION = eINSTANCE.getStore_FormatVersion();

		/**
		 * The meta object literal for the '<em><b>Created At</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute STORE__CREATED_AT = eINSTANCE.getStore_CreatedAt();

		/**
		 * The meta object literal for the '<em><b>Models</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference STORE__MODELS = eINSTANCE.getStore_Models();

		/**
		 * The meta object literal for the '<em><b>Datasets</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference STORE__DATASETS = eINSTANCE.getStore_Datasets();

		/**
		 * The meta object literal for the '<em><b>Captures</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference STORE__CAPTURES = eINSTANCE.getStore_Captures();

		/**
		 * The meta object literal for the '<em><b>Vectors</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference STORE__VECTORS = eINSTANCE.getStore_Vectors();

		/**
		 * The meta object literal for the '<em><b>Results</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference STORE__RESULTS = eINSTANCE.getStore_Results();

		/**
		 * The meta object literal for the '<em><b>Properties</b></em>' map feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference STORE__PROPERTIES = eINSTANCE.getStore_Properties();

		/**
		 * The meta object literal for the '<em><b>Saes</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference STORE__SAES = eINSTANCE.getStore_Saes();

		/**
		 * The meta object literal for the '{@link io.mechanist.model.impl.IdentifiedImpl <em>Identified</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.mechanist.model.impl.IdentifiedImpl
		 * @see io.mechanist.model.impl.MechanistPackageImpl#getIdentified()
		 * @generated
		 */
		EClass IDENTIFIED = eINSTANCE.getIdentified();

		/**
		 * The meta object literal for the '<em><b>Id</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute IDENTIFIED__ID = eINSTANCE.getIdentified_Id();

		/**
		 * The meta object literal for the '<em><b>Name</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute IDENTIFIED__NAME = eINSTANCE.getIdentified_Name();

		/**
		 * The meta object literal for the '<em><b>Description</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute IDENTIFIED__DESCRIPTION = eINSTANCE.getIdentified_Description();

		/**
		 * The meta object literal for the '<em><b>Created At</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute IDENTIFIED__CREATED_AT = eINSTANCE.getIdentified_CreatedAt();

		/**
		 * The meta object literal for the '{@link io.mechanist.model.impl.ModelRefImpl <em>Model Ref</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.mechanist.model.impl.ModelRefImpl
		 * @see io.mechanist.model.impl.MechanistPackageImpl#getModelRef()
		 * @generated
		 */
		EClass MODEL_REF = eINSTANCE.getModelRef();

		/**
		 * The meta object literal for the '<em><b>Folder</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute MODEL_REF__FOLDER = eINSTANCE.getModelRef_Folder();

		/**
		 * The meta object literal for the '<em><b>Architecture</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute MODEL_REF__ARCHITECTURE = eINSTANCE.getModelRef_Architecture();

		/**
		 * The meta object literal for the '<em><b>Family</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute MODEL_REF__FAMILY = eINSTANCE.getModelRef_Family();

		/**
		 * The meta object literal for the '<em><b>Num Layers</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute MODEL_REF__NUM_LAYERS = eINSTANCE.getModelRef_NumLayers();

		/**
		 * The meta object literal for the '<em><b>DModel</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute MODEL_REF__DMODEL = eINSTANCE.getModelRef_DModel();

		/**
		 * The meta object literal for the '<em><b>Num Heads</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute MODEL_REF__NUM_HEADS = eINSTANCE.getModelRef_NumHeads();

		/**
		 * The meta object literal for the '<em><b>Vocab Size</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute MODEL_REF__VOCAB_SIZE = eINSTANCE.getModelRef_VocabSize();

		/**
		 * The meta object literal for the '<em><b>Weight Dtype</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute MODEL_REF__WEIGHT_DTYPE = eINSTANCE.getModelRef_WeightDtype();

		/**
		 * The meta object literal for the '<em><b>Config</b></em>' map feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference MODEL_REF__CONFIG = eINSTANCE.getModelRef_Config();

		/**
		 * The meta object literal for the '<em><b>Files</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference MODEL_REF__FILES = eINSTANCE.getModelRef_Files();

		/**
		 * The meta object literal for the '{@link io.mechanist.model.impl.FileDigestImpl <em>File Digest</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.mechanist.model.impl.FileDigestImpl
		 * @see io.mechanist.model.impl.MechanistPackageImpl#getFileDigest()
		 * @generated
		 */
		EClass FILE_DIGEST = eINSTANCE.getFileDigest();

		/**
		 * The meta object literal for the '<em><b>Path</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute FILE_DIGEST__PATH = eINSTANCE.getFileDigest_Path();

		/**
		 * The meta object literal for the '<em><b>Size</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute FILE_DIGEST__SIZE = eINSTANCE.getFileDigest_Size();

		/**
		 * The meta object literal for the '<em><b>Sha256</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute FILE_DIGEST__SHA256 = eINSTANCE.getFileDigest_Sha256();

		/**
		 * The meta object literal for the '{@link io.mechanist.model.impl.DatasetImpl <em>Dataset</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.mechanist.model.impl.DatasetImpl
		 * @see io.mechanist.model.impl.MechanistPackageImpl#getDataset()
		 * @generated
		 */
		EClass DATASET = eINSTANCE.getDataset();

		/**
		 * The meta object literal for the '<em><b>Source</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute DATASET__SOURCE = eINSTANCE.getDataset_Source();

		/**
		 * The meta object literal for the '<em><b>Prompts</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference DATASET__PROMPTS = eINSTANCE.getDataset_Prompts();

		/**
		 * The meta object literal for the '{@link io.mechanist.model.impl.PromptImpl <em>Prompt</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.mechanist.model.impl.PromptImpl
		 * @see io.mechanist.model.impl.MechanistPackageImpl#getPrompt()
		 * @generated
		 */
		EClass PROMPT = eINSTANCE.getPrompt();

		/**
		 * The meta object literal for the '<em><b>Key</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute PROMPT__KEY = eINSTANCE.getPrompt_Key();

		/**
		 * The meta object literal for the '<em><b>Text</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute PROMPT__TEXT = eINSTANCE.getPrompt_Text();

		/**
		 * The meta object literal for the '<em><b>Token Ids</b></em>' attribute list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute PROMPT__TOKEN_IDS = eINSTANCE.getPrompt_TokenIds();

		/**
		 * The meta object literal for the '<em><b>Tokens</b></em>' attribute list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute PROMPT__TOKENS = eINSTANCE.getPrompt_Tokens();

		/**
		 * The meta object literal for the '<em><b>Labels</b></em>' map feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference PROMPT__LABELS = eINSTANCE.getPrompt_Labels();

		/**
		 * The meta object literal for the '<em><b>Group Id</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute PROMPT__GROUP_ID = eINSTANCE.getPrompt_GroupId();

		/**
		 * The meta object literal for the '<em><b>Pair Id</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute PROMPT__PAIR_ID = eINSTANCE.getPrompt_PairId();

		/**
		 * The meta object literal for the '{@link io.mechanist.model.impl.CaptureImpl <em>Capture</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.mechanist.model.impl.CaptureImpl
		 * @see io.mechanist.model.impl.MechanistPackageImpl#getCapture()
		 * @generated
		 */
		EClass CAPTURE = eINSTANCE.getCapture();

		/**
		 * The meta object literal for the '<em><b>Model</b></em>' reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference CAPTURE__MODEL = eINSTANCE.getCapture_Model();

		/**
		 * The meta object literal for the '<em><b>Dataset</b></em>' reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference CAPTURE__DATASET = eINSTANCE.getCapture_Dataset();

		/**
		 * The meta object literal for the '<em><b>Sites</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference CAPTURE__SITES = eINSTANCE.getCapture_Sites();

		/**
		 * The meta object literal for the '<em><b>Positions</b></em>' containment reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference CAPTURE__POSITIONS = eINSTANCE.getCapture_Positions();

		/**
		 * The meta object literal for the '<em><b>Storage Type</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CAPTURE__STORAGE_TYPE = eINSTANCE.getCapture_StorageType();

		/**
		 * The meta object literal for the '<em><b>Status</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CAPTURE__STATUS = eINSTANCE.getCapture_Status();

		/**
		 * The meta object literal for the '<em><b>Completed At</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CAPTURE__COMPLETED_AT = eINSTANCE.getCapture_CompletedAt();

		/**
		 * The meta object literal for the '<em><b>Folder</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CAPTURE__FOLDER = eINSTANCE.getCapture_Folder();

		/**
		 * The meta object literal for the '<em><b>Planned Prompts</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CAPTURE__PLANNED_PROMPTS = eINSTANCE.getCapture_PlannedPrompts();

		/**
		 * The meta object literal for the '<em><b>Shards</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference CAPTURE__SHARDS = eINSTANCE.getCapture_Shards();

		/**
		 * The meta object literal for the '<em><b>Provenance</b></em>' containment reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference CAPTURE__PROVENANCE = eINSTANCE.getCapture_Provenance();

		/**
		 * The meta object literal for the '{@link io.mechanist.model.impl.HookSiteRefImpl <em>Hook Site Ref</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.mechanist.model.impl.HookSiteRefImpl
		 * @see io.mechanist.model.impl.MechanistPackageImpl#getHookSiteRef()
		 * @generated
		 */
		EClass HOOK_SITE_REF = eINSTANCE.getHookSiteRef();

		/**
		 * The meta object literal for the '<em><b>Site Id</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute HOOK_SITE_REF__SITE_ID = eINSTANCE.getHookSiteRef_SiteId();

		/**
		 * The meta object literal for the '<em><b>Row Shape</b></em>' attribute list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute HOOK_SITE_REF__ROW_SHAPE = eINSTANCE.getHookSiteRef_RowShape();

		/**
		 * The meta object literal for the '{@link io.mechanist.model.impl.PositionSelectionImpl <em>Position Selection</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.mechanist.model.impl.PositionSelectionImpl
		 * @see io.mechanist.model.impl.MechanistPackageImpl#getPositionSelection()
		 * @generated
		 */
		EClass POSITION_SELECTION = eINSTANCE.getPositionSelection();

		/**
		 * The meta object literal for the '<em><b>Kind</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute POSITION_SELECTION__KIND = eINSTANCE.getPositionSelection_Kind();

		/**
		 * The meta object literal for the '<em><b>Start</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute POSITION_SELECTION__START = eINSTANCE.getPositionSelection_Start();

		/**
		 * The meta object literal for the '<em><b>End</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute POSITION_SELECTION__END = eINSTANCE.getPositionSelection_End();

		/**
		 * The meta object literal for the '<em><b>Positions</b></em>' attribute list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute POSITION_SELECTION__POSITIONS = eINSTANCE.getPositionSelection_Positions();

		/**
		 * The meta object literal for the '{@link io.mechanist.model.impl.ShardImpl <em>Shard</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.mechanist.model.impl.ShardImpl
		 * @see io.mechanist.model.impl.MechanistPackageImpl#getShard()
		 * @generated
		 */
		EClass SHARD = eINSTANCE.getShard();

		/**
		 * The meta object literal for the '<em><b>File</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SHARD__FILE = eINSTANCE.getShard_File();

		/**
		 * The meta object literal for the '<em><b>Size</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SHARD__SIZE = eINSTANCE.getShard_Size();

		/**
		 * The meta object literal for the '<em><b>Sha256</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SHARD__SHA256 = eINSTANCE.getShard_Sha256();

		/**
		 * The meta object literal for the '<em><b>First Prompt</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SHARD__FIRST_PROMPT = eINSTANCE.getShard_FirstPrompt();

		/**
		 * The meta object literal for the '<em><b>Prompt Count</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SHARD__PROMPT_COUNT = eINSTANCE.getShard_PromptCount();

		/**
		 * The meta object literal for the '<em><b>Row Count</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SHARD__ROW_COUNT = eINSTANCE.getShard_RowCount();

		/**
		 * The meta object literal for the '{@link io.mechanist.model.impl.ProvenanceImpl <em>Provenance</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.mechanist.model.impl.ProvenanceImpl
		 * @see io.mechanist.model.impl.MechanistPackageImpl#getProvenance()
		 * @generated
		 */
		EClass PROVENANCE = eINSTANCE.getProvenance();

		/**
		 * The meta object literal for the '<em><b>Tool</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute PROVENANCE__TOOL = eINSTANCE.getProvenance_Tool();

		/**
		 * The meta object literal for the '<em><b>Created At</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute PROVENANCE__CREATED_AT = eINSTANCE.getProvenance_CreatedAt();

		/**
		 * The meta object literal for the '<em><b>Versions</b></em>' map feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference PROVENANCE__VERSIONS = eINSTANCE.getProvenance_Versions();

		/**
		 * The meta object literal for the '<em><b>Parameters</b></em>' map feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference PROVENANCE__PARAMETERS = eINSTANCE.getProvenance_Parameters();

		/**
		 * The meta object literal for the '{@link io.mechanist.model.impl.StoredVectorImpl <em>Stored Vector</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.mechanist.model.impl.StoredVectorImpl
		 * @see io.mechanist.model.impl.MechanistPackageImpl#getStoredVector()
		 * @generated
		 */
		EClass STORED_VECTOR = eINSTANCE.getStoredVector();

		/**
		 * The meta object literal for the '<em><b>Site Id</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute STORED_VECTOR__SITE_ID = eINSTANCE.getStoredVector_SiteId();

		/**
		 * The meta object literal for the '<em><b>Dimension</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute STORED_VECTOR__DIMENSION = eINSTANCE.getStoredVector_Dimension();

		/**
		 * The meta object literal for the '<em><b>Method</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute STORED_VECTOR__METHOD = eINSTANCE.getStoredVector_Method();

		/**
		 * The meta object literal for the '<em><b>Norm</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute STORED_VECTOR__NORM = eINSTANCE.getStoredVector_Norm();

		/**
		 * The meta object literal for the '<em><b>File</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute STORED_VECTOR__FILE = eINSTANCE.getStoredVector_File();

		/**
		 * The meta object literal for the '<em><b>Tensor Name</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute STORED_VECTOR__TENSOR_NAME = eINSTANCE.getStoredVector_TensorName();

		/**
		 * The meta object literal for the '<em><b>Sha256</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute STORED_VECTOR__SHA256 = eINSTANCE.getStoredVector_Sha256();

		/**
		 * The meta object literal for the '<em><b>Source Capture</b></em>' reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference STORED_VECTOR__SOURCE_CAPTURE = eINSTANCE.getStoredVector_SourceCapture();

		/**
		 * The meta object literal for the '<em><b>Source Result</b></em>' reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference STORED_VECTOR__SOURCE_RESULT = eINSTANCE.getStoredVector_SourceResult();

		/**
		 * The meta object literal for the '<em><b>Provenance</b></em>' containment reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference STORED_VECTOR__PROVENANCE = eINSTANCE.getStoredVector_Provenance();

		/**
		 * The meta object literal for the '{@link io.mechanist.model.impl.AnalysisResultImpl <em>Analysis Result</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.mechanist.model.impl.AnalysisResultImpl
		 * @see io.mechanist.model.impl.MechanistPackageImpl#getAnalysisResult()
		 * @generated
		 */
		EClass ANALYSIS_RESULT = eINSTANCE.getAnalysisResult();

		/**
		 * The meta object literal for the '<em><b>Analysis Id</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute ANALYSIS_RESULT__ANALYSIS_ID = eINSTANCE.getAnalysisResult_AnalysisId();

		/**
		 * The meta object literal for the '<em><b>Parameters</b></em>' map feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference ANALYSIS_RESULT__PARAMETERS = eINSTANCE.getAnalysisResult_Parameters();

		/**
		 * The meta object literal for the '<em><b>Input Captures</b></em>' reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference ANALYSIS_RESULT__INPUT_CAPTURES = eINSTANCE.getAnalysisResult_InputCaptures();

		/**
		 * The meta object literal for the '<em><b>Input Vectors</b></em>' reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference ANALYSIS_RESULT__INPUT_VECTORS = eINSTANCE.getAnalysisResult_InputVectors();

		/**
		 * The meta object literal for the '<em><b>Tables</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference ANALYSIS_RESULT__TABLES = eINSTANCE.getAnalysisResult_Tables();

		/**
		 * The meta object literal for the '<em><b>Arrays</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference ANALYSIS_RESULT__ARRAYS = eINSTANCE.getAnalysisResult_Arrays();

		/**
		 * The meta object literal for the '<em><b>Produced Vectors</b></em>' reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference ANALYSIS_RESULT__PRODUCED_VECTORS = eINSTANCE.getAnalysisResult_ProducedVectors();

		/**
		 * The meta object literal for the '<em><b>Arrays File</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute ANALYSIS_RESULT__ARRAYS_FILE = eINSTANCE.getAnalysisResult_ArraysFile();

		/**
		 * The meta object literal for the '<em><b>Arrays Sha256</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute ANALYSIS_RESULT__ARRAYS_SHA256 = eINSTANCE.getAnalysisResult_ArraysSha256();

		/**
		 * The meta object literal for the '<em><b>Provenance</b></em>' containment reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference ANALYSIS_RESULT__PROVENANCE = eINSTANCE.getAnalysisResult_Provenance();

		/**
		 * The meta object literal for the '{@link io.mechanist.model.impl.ResultTableImpl <em>Result Table</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.mechanist.model.impl.ResultTableImpl
		 * @see io.mechanist.model.impl.MechanistPackageImpl#getResultTable()
		 * @generated
		 */
		EClass RESULT_TABLE = eINSTANCE.getResultTable();

		/**
		 * The meta object literal for the '<em><b>Name</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RESULT_TABLE__NAME = eINSTANCE.getResultTable_Name();

		/**
		 * The meta object literal for the '<em><b>Columns</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference RESULT_TABLE__COLUMNS = eINSTANCE.getResultTable_Columns();

		/**
		 * The meta object literal for the '{@link io.mechanist.model.impl.ResultColumnImpl <em>Result Column</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.mechanist.model.impl.ResultColumnImpl
		 * @see io.mechanist.model.impl.MechanistPackageImpl#getResultColumn()
		 * @generated
		 */
		EClass RESULT_COLUMN = eINSTANCE.getResultColumn();

		/**
		 * The meta object literal for the '<em><b>Name</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RESULT_COLUMN__NAME = eINSTANCE.getResultColumn_Name();

		/**
		 * The meta object literal for the '<em><b>Unit</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RESULT_COLUMN__UNIT = eINSTANCE.getResultColumn_Unit();

		/**
		 * The meta object literal for the '<em><b>Numbers</b></em>' attribute list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RESULT_COLUMN__NUMBERS = eINSTANCE.getResultColumn_Numbers();

		/**
		 * The meta object literal for the '<em><b>Texts</b></em>' attribute list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RESULT_COLUMN__TEXTS = eINSTANCE.getResultColumn_Texts();

		/**
		 * The meta object literal for the '{@link io.mechanist.model.impl.ResultArrayImpl <em>Result Array</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.mechanist.model.impl.ResultArrayImpl
		 * @see io.mechanist.model.impl.MechanistPackageImpl#getResultArray()
		 * @generated
		 */
		EClass RESULT_ARRAY = eINSTANCE.getResultArray();

		/**
		 * The meta object literal for the '<em><b>Name</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RESULT_ARRAY__NAME = eINSTANCE.getResultArray_Name();

		/**
		 * The meta object literal for the '<em><b>Tensor Name</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RESULT_ARRAY__TENSOR_NAME = eINSTANCE.getResultArray_TensorName();

		/**
		 * The meta object literal for the '<em><b>Shape</b></em>' attribute list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RESULT_ARRAY__SHAPE = eINSTANCE.getResultArray_Shape();

		/**
		 * The meta object literal for the '<em><b>Axes</b></em>' attribute list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RESULT_ARRAY__AXES = eINSTANCE.getResultArray_Axes();

		/**
		 * The meta object literal for the '{@link io.mechanist.model.impl.StoredSaeImpl <em>Stored Sae</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.mechanist.model.impl.StoredSaeImpl
		 * @see io.mechanist.model.impl.MechanistPackageImpl#getStoredSae()
		 * @generated
		 */
		EClass STORED_SAE = eINSTANCE.getStoredSae();

		/**
		 * The meta object literal for the '<em><b>Folder</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute STORED_SAE__FOLDER = eINSTANCE.getStoredSae_Folder();

		/**
		 * The meta object literal for the '<em><b>Hook Name</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute STORED_SAE__HOOK_NAME = eINSTANCE.getStoredSae_HookName();

		/**
		 * The meta object literal for the '<em><b>Site Id</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute STORED_SAE__SITE_ID = eINSTANCE.getStoredSae_SiteId();

		/**
		 * The meta object literal for the '<em><b>Architecture</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute STORED_SAE__ARCHITECTURE = eINSTANCE.getStoredSae_Architecture();

		/**
		 * The meta object literal for the '<em><b>DIn</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute STORED_SAE__DIN = eINSTANCE.getStoredSae_DIn();

		/**
		 * The meta object literal for the '<em><b>DSae</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute STORED_SAE__DSAE = eINSTANCE.getStoredSae_DSae();

		/**
		 * The meta object literal for the '<em><b>Model Name</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute STORED_SAE__MODEL_NAME = eINSTANCE.getStoredSae_ModelName();

		/**
		 * The meta object literal for the '<em><b>Added From</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute STORED_SAE__ADDED_FROM = eINSTANCE.getStoredSae_AddedFrom();

		/**
		 * The meta object literal for the '<em><b>Model</b></em>' reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference STORED_SAE__MODEL = eINSTANCE.getStoredSae_Model();

		/**
		 * The meta object literal for the '<em><b>Files</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference STORED_SAE__FILES = eINSTANCE.getStoredSae_Files();

		/**
		 * The meta object literal for the '{@link io.mechanist.model.impl.StringEntryImpl <em>String Entry</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.mechanist.model.impl.StringEntryImpl
		 * @see io.mechanist.model.impl.MechanistPackageImpl#getStringEntry()
		 * @generated
		 */
		EClass STRING_ENTRY = eINSTANCE.getStringEntry();

		/**
		 * The meta object literal for the '<em><b>Key</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute STRING_ENTRY__KEY = eINSTANCE.getStringEntry_Key();

		/**
		 * The meta object literal for the '<em><b>Value</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute STRING_ENTRY__VALUE = eINSTANCE.getStringEntry_Value();

		/**
		 * The meta object literal for the '{@link io.mechanist.model.StorageType <em>Storage Type</em>}' enum.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.mechanist.model.StorageType
		 * @see io.mechanist.model.impl.MechanistPackageImpl#getStorageType()
		 * @generated
		 */
		EEnum STORAGE_TYPE = eINSTANCE.getStorageType();

		/**
		 * The meta object literal for the '{@link io.mechanist.model.CaptureStatus <em>Capture Status</em>}' enum.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.mechanist.model.CaptureStatus
		 * @see io.mechanist.model.impl.MechanistPackageImpl#getCaptureStatus()
		 * @generated
		 */
		EEnum CAPTURE_STATUS = eINSTANCE.getCaptureStatus();

		/**
		 * The meta object literal for the '{@link io.mechanist.model.PositionKind <em>Position Kind</em>}' enum.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.mechanist.model.PositionKind
		 * @see io.mechanist.model.impl.MechanistPackageImpl#getPositionKind()
		 * @generated
		 */
		EEnum POSITION_KIND = eINSTANCE.getPositionKind();

	}

} //MechanistPackage
