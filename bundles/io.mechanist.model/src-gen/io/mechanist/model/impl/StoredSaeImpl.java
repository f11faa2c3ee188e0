/**
 */
package io.mechanist.model.impl;

import io.mechanist.model.FileDigest;
import io.mechanist.model.MechanistPackage;
import io.mechanist.model.ModelRef;
import io.mechanist.model.StoredSae;

import java.util.Collection;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.NotificationChain;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.InternalEObject;

import org.eclipse.emf.ecore.impl.ENotificationImpl;

import org.eclipse.emf.ecore.util.EObjectContainmentEList;
import org.eclipse.emf.ecore.util.InternalEList;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Stored Sae</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link io.mechanist.model.impl.StoredSaeImpl#getFolder <em>Folder</em>}</li>
 *   <li>{@link io.mechanist.model.impl.StoredSaeImpl#getHookName <em>Hook Name</em>}</li>
 *   <li>{@link io.mechanist.model.impl.StoredSaeImpl#getSiteId <em>Site Id</em>}</li>
 *   <li>{@link io.mechanist.model.impl.StoredSaeImpl#getArchitecture <em>Architecture</em>}</li>
 *   <li>{@link io.mechanist.model.impl.StoredSaeImpl#getDIn <em>DIn</em>}</li>
 *   <li>{@link io.mechanist.model.impl.StoredSaeImpl#getDSae <em>DSae</em>}</li>
 *   <li>{@link io.mechanist.model.impl.StoredSaeImpl#getModelName <em>Model Name</em>}</li>
 *   <li>{@link io.mechanist.model.impl.StoredSaeImpl#getAddedFrom <em>Added From</em>}</li>
 *   <li>{@link io.mechanist.model.impl.StoredSaeImpl#getModel <em>Model</em>}</li>
 *   <li>{@link io.mechanist.model.impl.StoredSaeImpl#getFiles <em>Files</em>}</li>
 * </ul>
 *
 * @generated
 */
public class StoredSaeImpl extends IdentifiedImpl implements StoredSae {
	/**
	 * The default value of the '{@link #getFolder() <em>Folder</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getFolder()
	 * @generated
	 * @ordered
	 */
	protected static final String FOLDER_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getFolder() <em>Folder</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getFolder()
	 * @generated
	 * @ordered
	 */
	protected String folder = FOLDER_EDEFAULT;

	/**
	 * The default value of the '{@link #getHookName() <em>Hook Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getHookName()
	 * @generated
	 * @ordered
	 */
	protected static final String HOOK_NAME_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getHookName() <em>Hook Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getHookName()
	 * @generated
	 * @ordered
	 */
	protected String hookName = HOOK_NAME_EDEFAULT;

	/**
	 * The default value of the '{@link #getSiteId() <em>Site Id</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSiteId()
	 * @generated
	 * @ordered
	 */
	protected static final String SITE_ID_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getSiteId() <em>Site Id</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSiteId()
	 * @generated
	 * @ordered
	 */
	protected String siteId = SITE_ID_EDEFAULT;

	/**
	 * The default value of the '{@link #getArchitecture() <em>Architecture</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getArchitecture()
	 * @generated
	 * @ordered
	 */
	protected static final String ARCHITECTURE_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getArchitecture() <em>Architecture</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getArchitecture()
	 * @generated
	 * @ordered
	 */
	protected String architecture = ARCHITECTURE_EDEFAULT;

	/**
	 * The default value of the '{@link #getDIn() <em>DIn</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getDIn()
	 * @generated
	 * @ordered
	 */
	protected static final int DIN_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getDIn() <em>DIn</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getDIn()
	 * @generated
	 * @ordered
	 */
	protected int dIn = DIN_EDEFAULT;

	/**
	 * The default value of the '{@link #getDSae() <em>DSae</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getDSae()
	 * @generated
	 * @ordered
	 */
	protected static final int DSAE_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getDSae() <em>DSae</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getDSae()
	 * @generated
	 * @ordered
	 */
	protected int dSae = DSAE_EDEFAULT;

	/**
	 * The default value of the '{@link #getModelName() <em>Model Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getModelName()
	 * @generated
	 * @ordered
	 */
	protected static final String MODEL_NAME_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getModelName() <em>Model Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getModelName()
	 * @generated
	 * @ordered
	 */
	protected String modelName = MODEL_NAME_EDEFAULT;

	/**
	 * The default value of the '{@link #getAddedFrom() <em>Added From</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getAddedFrom()
	 * @generated
	 * @ordered
	 */
	protected static final String ADDED_FROM_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getAddedFrom() <em>Added From</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getAddedFrom()
	 * @generated
	 * @ordered
	 */
	protected String addedFrom = ADDED_FROM_EDEFAULT;

	/**
	 * The cached value of the '{@link #getModel() <em>Model</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getModel()
	 * @generated
	 * @ordered
	 */
	protected ModelRef model;

	/**
	 * The cached value of the '{@link #getFiles() <em>Files</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getFiles()
	 * @generated
	 * @ordered
	 */
	protected EList<FileDigest> files;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected StoredSaeImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return MechanistPackage.Literals.STORED_SAE;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getFolder() {
		return folder;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setFolder(String newFolder) {
		String oldFolder = folder;
		folder = newFolder;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.STORED_SAE__FOLDER, oldFolder, folder));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getHookName() {
		return hookName;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setHookName(String newHookName) {
		String oldHookName = hookName;
		hookName = newHookName;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.STORED_SAE__HOOK_NAME, oldHookName, hookName));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getSiteId() {
		return siteId;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSiteId(String newSiteId) {
		String oldSiteId = siteId;
		siteId = newSiteId;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.STORED_SAE__SITE_ID, oldSiteId, siteId));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getArchitecture() {
		return architecture;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setArchitecture(String newArchitecture) {
		String oldArchitecture = architecture;
		architecture = newArchitecture;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.STORED_SAE__ARCHITECTURE, oldArchitecture, architecture));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getDIn() {
		return dIn;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setDIn(int newDIn) {
		int oldDIn = dIn;
		dIn = newDIn;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.STORED_SAE__DIN, oldDIn, dIn));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getDSae() {
		return dSae;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setDSae(int newDSae) {
		int oldDSae = dSae;
		dSae = newDSae;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.STORED_SAE__DSAE, oldDSae, dSae));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getModelName() {
		return modelName;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setModelName(String newModelName) {
		String oldModelName = modelName;
		modelName = newModelName;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.STORED_SAE__MODEL_NAME, oldModelName, modelName));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getAddedFrom() {
		return addedFrom;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setAddedFrom(String newAddedFrom) {
		String oldAddedFrom = addedFrom;
		addedFrom = newAddedFrom;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.STORED_SAE__ADDED_FROM, oldAddedFrom, addedFrom));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public ModelRef getModel() {
		if (model != null && model.eIsProxy()) {
			InternalEObject oldModel = (InternalEObject)model;
			model = (ModelRef)eResolveProxy(oldModel);
			if (model != oldModel) {
				if (eNotificationRequired())
					eNotify(new ENotificationImpl(this, Notification.RESOLVE, MechanistPackage.STORED_SAE__MODEL, oldModel, model));
			}
		}
		return model;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public ModelRef basicGetModel() {
		return model;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setModel(ModelRef newModel) {
		ModelRef oldModel = model;
		model = newModel;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.STORED_SAE__MODEL, oldModel, model));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<FileDigest> getFiles() {
		if (files == null) {
			files = new EObjectContainmentEList<FileDigest>(FileDigest.class, this, MechanistPackage.STORED_SAE__FILES);
		}
		return files;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public NotificationChain eInverseRemove(InternalEObject otherEnd, int featureID, NotificationChain msgs) {
		switch (featureID) {
			case MechanistPackage.STORED_SAE__FILES:
				return ((InternalEList<?>)getFiles()).basicRemove(otherEnd, msgs);
		}
		return super.eInverseRemove(otherEnd, featureID, msgs);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case MechanistPackage.STORED_SAE__FOLDER:
				return getFolder();
			case MechanistPackage.STORED_SAE__HOOK_NAME:
				return getHookName();
			case MechanistPackage.STORED_SAE__SITE_ID:
				return getSiteId();
			case MechanistPackage.STORED_SAE__ARCHITECTURE:
				return getArchitecture();
			case MechanistPackage.STORED_SAE__DIN:
				return getDIn();
			case MechanistPackage.STORED_SAE__DSAE:
				return getDSae();
			case MechanistPackage.STORED_SAE__MODEL_NAME:
				return getModelName();
			case MechanistPackage.STORED_SAE__ADDED_FROM:
				return getAddedFrom();
			case MechanistPackage.STORED_SAE__MODEL:
				if (resolve) return getModel();
				return basicGetModel();
			case MechanistPackage.STORED_SAE__FILES:
				return getFiles();
		}
		return super.eGet(featureID, resolve, coreType);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@SuppressWarnings("unchecked")
	@Override
	public void eSet(int featureID, Object newValue) {
		switch (featureID) {
			case MechanistPackage.STORED_SAE__FOLDER:
				setFolder((String)newValue);
				return;
			case MechanistPackage.STORED_SAE__HOOK_NAME:
				setHookName((String)newValue);
				return;
			case MechanistPackage.STORED_SAE__SITE_ID:
				setSiteId((String)newValue);
				return;
			case MechanistPackage.STORED_SAE__ARCHITECTURE:
				setArchitecture((String)newValue);
				return;
			case MechanistPackage.STORED_SAE__DIN:
				setDIn((Integer)newValue);
				return;
			case MechanistPackage.STORED_SAE__DSAE:
				setDSae((Integer)newValue);
				return;
			case MechanistPackage.STORED_SAE__MODEL_NAME:
				setModelName((String)newValue);
				return;
			case MechanistPackage.STORED_SAE__ADDED_FROM:
				setAddedFrom((String)newValue);
				return;
			case MechanistPackage.STORED_SAE__MODEL:
				setModel((ModelRef)newValue);
				return;
			case MechanistPackage.STORED_SAE__FILES:
				getFiles().clear();
				getFiles().addAll((Collection<? extends FileDigest>)newValue);
				return;
		}
		super.eSet(featureID, newValue);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eUnset(int featureID) {
		switch (featureID) {
			case MechanistPackage.STORED_SAE__FOLDER:
				setFolder(FOLDER_EDEFAULT);
				return;
			case MechanistPackage.STORED_SAE__HOOK_NAME:
				setHookName(HOOK_NAME_EDEFAULT);
				return;
			case MechanistPackage.STORED_SAE__SITE_ID:
				setSiteId(SITE_ID_EDEFAULT);
				return;
			case MechanistPackage.STORED_SAE__ARCHITECTURE:
				setArchitecture(ARCHITECTURE_EDEFAULT);
				return;
			case MechanistPackage.STORED_SAE__DIN:
				setDIn(DIN_EDEFAULT);
				return;
			case MechanistPackage.STORED_SAE__DSAE:
				setDSae(DSAE_EDEFAULT);
				return;
			case MechanistPackage.STORED_SAE__MODEL_NAME:
				setModelName(MODEL_NAME_EDEFAULT);
				return;
			case MechanistPackage.STORED_SAE__ADDED_FROM:
				setAddedFrom(ADDED_FROM_EDEFAULT);
				return;
			case MechanistPackage.STORED_SAE__MODEL:
				setModel((ModelRef)null);
				return;
			case MechanistPackage.STORED_SAE__FILES:
				getFiles().clear();
				return;
		}
		super.eUnset(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean eIsSet(int featureID) {
		switch (featureID) {
			case MechanistPackage.STORED_SAE__FOLDER:
				return FOLDER_EDEFAULT == null ? folder != null : !FOLDER_EDEFAULT.equals(folder);
			case MechanistPackage.STORED_SAE__HOOK_NAME:
				return HOOK_NAME_EDEFAULT == null ? hookName != null : !HOOK_NAME_EDEFAULT.equals(hookName);
			case MechanistPackage.STORED_SAE__SITE_ID:
				return SITE_ID_EDEFAULT == null ? siteId != null : !SITE_ID_EDEFAULT.equals(siteId);
			case MechanistPackage.STORED_SAE__ARCHITECTURE:
				return ARCHITECTURE_EDEFAULT == null ? architecture != null : !ARCHITECTURE_EDEFAULT.equals(architecture);
			case MechanistPackage.STORED_SAE__DIN:
				return dIn != DIN_EDEFAULT;
			case MechanistPackage.STORED_SAE__DSAE:
				return dSae != DSAE_EDEFAULT;
			case MechanistPackage.STORED_SAE__MODEL_NAME:
				return MODEL_NAME_EDEFAULT == null ? modelName != null : !MODEL_NAME_EDEFAULT.equals(modelName);
			case MechanistPackage.STORED_SAE__ADDED_FROM:
				return ADDED_FROM_EDEFAULT == null ? addedFrom != null : !ADDED_FROM_EDEFAULT.equals(addedFrom);
			case MechanistPackage.STORED_SAE__MODEL:
				return model != null;
			case MechanistPackage.STORED_SAE__FILES:
				return files != null && !files.isEmpty();
		}
		return super.eIsSet(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String toString() {
		if (eIsProxy()) return super.toString();

		StringBuilder result = new StringBuilder(super.toString());
		result.append(" (folder: ");
		result.append(folder);
		result.append(", hookName: ");
		result.append(hookName);
		result.append(", siteId: ");
		result.append(siteId);
		result.append(", architecture: ");
		result.append(architecture);
		result.append(", dIn: ");
		result.append(dIn);
		result.append(", dSae: ");
		result.append(dSae);
		result.append(", modelName: ");
		result.append(modelName);
		result.append(", addedFrom: ");
		result.append(addedFrom);
		result.append(')');
		return result.toString();
	}

} //StoredSaeImpl
